/**
 * The security types every feature shares: the roles a user can have and the caller of a request, whose owner scope
 * restricts what they see. Who may call which endpoint is the web package's; issuing tokens is the account feature's.
 */
@NullMarked
package org.compliancerunner.security;

import org.jspecify.annotations.NullMarked;
