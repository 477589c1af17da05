/**
 * Loudness per ITU-R BS.1770-4 and EBU R128 (Tech 3341, 3342): K-weighting, gated integrated loudness, loudness
 * range, true peak, momentary and short-term maxima, and loudness gated to the speech map.
 */
@NullMarked
package org.compliancerunner.media.loudness;

import org.jspecify.annotations.NullMarked;
