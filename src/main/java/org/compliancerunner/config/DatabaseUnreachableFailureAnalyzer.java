package org.compliancerunner.config;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A database that cannot be reached at start-up is named with what to check, not a chain of bean-creation errors. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        // SQL state class 08: connection exception; 28: invalid authorization; 3D: no such database
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        if (!state.startsWith("08") && !state.startsWith("28") && !state.startsWith("3D")) {
            return null;
        }
        return new FailureAnalysis("cannot connect to the database: " + cause.getMessage(),
                "Check spring.datasource.url (SPRING_DATASOURCE_URL), the user and password, and that the server "
                        + "runs and accepts connections; leave the URL unset to use the embedded database under "
                        + "COMPLIANCE_HOME.", cause);
    }
}
