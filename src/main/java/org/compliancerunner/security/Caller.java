package org.compliancerunner.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who sent a request: the token's subject, which is also the owner name of the projects they create, and whether they
 * are an administrator, who sees every owner's data.
 */
public record Caller(String username, boolean admin) {

    public static Caller of(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(Role.ADMIN.authority()::equals);
        return new Caller(authentication.getName(), admin);
    }

    /** The owner to restrict queries to; null for an administrator, who sees all. */
    public @Nullable String ownerScope() {
        return admin ? null : username;
    }
}
