/**
 * Who may call the API and how they prove it: accounts with their role, the built-in token issuer (signing keys,
 * refresh tokens, login sessions) and the login lock-out after repeated failures.
 */
@NullMarked
package org.compliancerunner.account;

import org.jspecify.annotations.NullMarked;
