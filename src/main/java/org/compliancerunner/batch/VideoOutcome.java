package org.compliancerunner.batch;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.inspection.Inspection;

/** A claimed video and what checking it found. */
record VideoOutcome(ClaimedVideo video, Inspection inspection) {
}
