/**
 * Rule packs (YAML, versioned, immutable once used), their rule kinds and the policy engine that turns a
 * transcript and measurements into triggers, with the stored triggers and the API that reads them.
 */
@NullMarked
package org.compliancerunner.policy;

import org.jspecify.annotations.NullMarked;
