/**
 * Captions as a video carries them: cues with their lines, markup, times and the file line each came from, read as
 * far as the file allows, with what could not be read named by line. Rules judge these, not only the transcript
 * made from them.
 */
@NullMarked
package org.compliancerunner.captions;

import org.jspecify.annotations.NullMarked;
