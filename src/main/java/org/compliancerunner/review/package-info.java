/**
 * The human review queue: items made from findings, claims and decisions, the audit trail, verdicts per video and
 * rule precision from reviewers' labels.
 */
@NullMarked
package org.compliancerunner.review;

import org.jspecify.annotations.NullMarked;
