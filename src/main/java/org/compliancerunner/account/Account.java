package org.compliancerunner.account;

/** A user of the REST API; the username is also the owner name of the projects they create. */
public record Account(String username, Role role) {
}
