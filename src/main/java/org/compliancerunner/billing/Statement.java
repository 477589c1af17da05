package org.compliancerunner.billing;

import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Owners' balances in one quota period, and for a statement of one owner also that owner's entries, oldest first.
 *
 * @param period  the month the balances count; null when they count every entry (lifetime quotas)
 * @param entries empty for a statement of all owners
 */
public record Statement(@Nullable YearMonth period, List<OwnerBalance> balances, List<LedgerEntry> entries) {
}
