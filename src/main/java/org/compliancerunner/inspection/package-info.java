/**
 * Checking one file end to end: probe, one decode pass feeding the technical analyzers and the speech engine, the
 * rule pack's judgement, and the time limit and stop signal that interrupt it at a safe point.
 */
@NullMarked
package org.compliancerunner.inspection;

import org.jspecify.annotations.NullMarked;
