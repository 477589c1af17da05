/**
 * Micrometer meters for processing (inspection stages, final statuses, triggers) and the review queue's depth.
 */
@NullMarked
package org.compliancerunner.metrics;

import org.jspecify.annotations.NullMarked;
