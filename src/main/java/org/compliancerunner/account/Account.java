package org.compliancerunner.account;

import org.compliancerunner.security.Role;

/** A user of the REST API; the username is also the owner name of the projects they create. */
public record Account(String username, Role role) {
}
