package org.compliancerunner;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Packages form layers: a package that depends on another is never depended on by it, directly or round a loop. */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.compliancerunner");

    @Test
    void noPackageCycles() {
        // each package is its own slice, so media and media.loudness may not lean on each other either
        slices().matching("org.compliancerunner.(**)").should().beFreeOfCycles().check(PRODUCT);
    }
}
