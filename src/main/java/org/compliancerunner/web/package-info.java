/**
 * Cross-cutting web concerns only: security (JWT resource server), rate limits, problem+json errors, security
 * headers, progress streams and the OpenAPI description.
 */
@NullMarked
package org.compliancerunner.web;

import org.jspecify.annotations.NullMarked;
