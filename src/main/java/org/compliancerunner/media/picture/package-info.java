/**
 * Black and frozen picture detection, measured like ffmpeg's blackdetect and freezedetect.
 */
@NullMarked
package org.compliancerunner.media.picture;

import org.jspecify.annotations.NullMarked;
