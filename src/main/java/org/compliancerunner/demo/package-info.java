/**
 * Small media of known content written by the project itself: the demo set the {@code demo} command sweeps (a clip
 * whose captions make a claim the default rule pack flags and whose sound is too loud, a clean clip, a truncated
 * upload), the clips of the {@code samples} command for trying a sweep out or benchmarking it, and test clips.
 */
@NullMarked
package org.compliancerunner.demo;

import org.jspecify.annotations.NullMarked;
