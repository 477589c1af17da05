/**
 * The review console: a static page over the REST API, served under /console/.
 */
@NullMarked
package org.compliancerunner.console;

import org.jspecify.annotations.NullMarked;
