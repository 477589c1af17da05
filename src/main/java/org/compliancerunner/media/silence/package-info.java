/**
 * Audio peak levels every 50 ms, from which silence (dead air) is found.
 */
@NullMarked
package org.compliancerunner.media.silence;

import org.jspecify.annotations.NullMarked;
