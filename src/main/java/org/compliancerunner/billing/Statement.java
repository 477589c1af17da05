package org.compliancerunner.billing;

import java.util.List;

/**
 * Owners' balances, and for a statement of one owner also that owner's entries, oldest first.
 *
 * @param entries empty for a statement of all owners
 */
public record Statement(List<OwnerBalance> balances, List<LedgerEntry> entries) {
}
