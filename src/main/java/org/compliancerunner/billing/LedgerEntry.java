package org.compliancerunner.billing;

import java.time.Instant;

/**
 * One line of an owner's statement.
 *
 * @param minutes the minutes this entry reserved, charged or returned
 */
public record LedgerEntry(long videoId, EntryKind kind, long minutes, Instant at) {
}
