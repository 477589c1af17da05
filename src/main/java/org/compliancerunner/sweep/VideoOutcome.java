package org.compliancerunner.sweep;

import org.compliancerunner.catalog.ClaimedVideo;
import org.compliancerunner.inspection.Inspection;

/** A claimed video and what checking it found. */
record VideoOutcome(ClaimedVideo video, Inspection inspection) {
}
