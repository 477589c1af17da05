/**
 * One decode pass over a media file (JavaCV / FFmpeg), fanned out to the analyzers as pictures and audio samples,
 * with the probe, container sniffing and the 16 kHz mono speech track; the shared types (intervals, pictures,
 * listeners) the analyzer packages build on.
 */
@NullMarked
package org.compliancerunner.media;

import org.jspecify.annotations.NullMarked;
