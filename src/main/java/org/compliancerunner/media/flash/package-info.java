/**
 * Photosensitive flash detection as ITU-R BT.1702 and Ofcom guidance describe it: general and red flashes rated
 * per frame, and the failing stretches of a programme.
 */
@NullMarked
package org.compliancerunner.media.flash;

import org.jspecify.annotations.NullMarked;
