package org.compliancerunner.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, so --version tells which build is running. */
class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"compliance-runner " + (version == null ? "(development build)" : version)};
    }
}
