/**
 * Where people speak: the Silero voice-activity detector run with ONNX Runtime on the 16 kHz speech track, and the
 * speech segments made from its probabilities.
 */
@NullMarked
package org.compliancerunner.media.voice;

import org.jspecify.annotations.NullMarked;
