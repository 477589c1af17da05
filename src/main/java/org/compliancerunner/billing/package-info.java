/**
 * The minutes ledger: minutes reserved when a video is registered, charged when it is checked and released when it
 * fails, per owner and quota period, idempotent under restarts.
 */
@NullMarked
package org.compliancerunner.billing;

import org.jspecify.annotations.NullMarked;
