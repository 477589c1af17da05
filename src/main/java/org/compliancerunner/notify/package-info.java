/**
 * Events for the outside world through a transactional outbox: HMAC-signed webhooks and e-mail, retried with back-
 * off until delivered or given up.
 */
@NullMarked
package org.compliancerunner.notify;

import org.jspecify.annotations.NullMarked;
