/**
 * What is said in a video: the transcriber engines (caption files and embedded subtitles, local whisper.cpp,
 * OpenAI-compatible servers), the speech gate that keeps recognisers to where people speak, and stored
 * transcripts.
 */
@NullMarked
package org.compliancerunner.speech;

import org.jspecify.annotations.NullMarked;
