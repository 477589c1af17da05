/**
 * The picocli commands: each parses its arguments, calls a service of a feature package and prints; exit codes are
 * the commands' contract with scripts and CI.
 */
@NullMarked
package org.compliancerunner.cli;

import org.jspecify.annotations.NullMarked;
