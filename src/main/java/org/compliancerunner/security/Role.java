package org.compliancerunner.security;

/**
 * What a user may do: UPLOADER registers and reads their own videos, OPERATOR also works the review queue on their
 * own projects, ADMIN does everything on every project, jobs included.
 */
public enum Role {
    ADMIN, OPERATOR, UPLOADER;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
