package org.compliancerunner.media;
public record DecodeSummary(long decodedMs, long audioSamples, long videoFrames) {}
