/**
 * Running it in production: logging format by role, health contributors, the one-line start-up failure report and
 * the batch context in log lines.
 */
@NullMarked
package org.compliancerunner.ops;

import org.jspecify.annotations.NullMarked;
