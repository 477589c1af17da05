package org.compliancerunner.ops;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A start-up failure that compliance-runner can explain is printed as one line on standard error, what went wrong and
 * what to do, instead of Boot's framed report or a stack trace; scripts and CronJob logs show it as it is.
 */
public class OneLineFailureReport implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        String action = analysis.getAction() == null ? "" : " " + oneLine(analysis.getAction());
        System.err.println("error: " + oneLine(analysis.getDescription()) + action);
        System.err.flush();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
