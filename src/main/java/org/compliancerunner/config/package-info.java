/**
 * Process-wide settings and the embedded default: the compliance-runner home, the embedded PostgreSQL server that
 * runs when no database is configured, and the secrets kept in the home.
 */
@NullMarked
package org.compliancerunner.config;

import org.jspecify.annotations.NullMarked;
