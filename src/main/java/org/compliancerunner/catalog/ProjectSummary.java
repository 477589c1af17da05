package org.compliancerunner.catalog;

import java.time.OffsetDateTime;

/** A project with what it holds: videos, current findings, and labels (operators' decisions on findings). */
public record ProjectSummary(long id, String name, String owner, OffsetDateTime createdAt, long videoCount,
                             long triggerCount, long labelCount) {
}
