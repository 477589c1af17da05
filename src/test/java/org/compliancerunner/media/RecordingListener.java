package org.compliancerunner.media;

/** A listener that records what the decode pass gave it. */
class RecordingListener implements MediaListener {

    private final boolean video;
    private final boolean speech;
    MediaInfo started;
    long speechSamples;
    long nonZeroSamples;
    int largestBlock;
    float peak;
    long endedAt = -1;

    RecordingListener(boolean video, boolean speech) {
        this.video = video;
        this.speech = speech;
    }

    @Override
    public void onStart(MediaInfo info) {
        started = info;
    }

    @Override
    public boolean wantsVideo() {
        return video;
    }

    @Override
    public boolean wantsSpeechAudio() {
        return speech;
    }

    @Override
    public void onSpeechAudio(float[] samples, int length) {
        speechSamples += length;
        largestBlock = Math.max(largestBlock, length);
        for (int i = 0; i < length; i++) {
            if (samples[i] != 0) {
                nonZeroSamples++;
            }
            peak = Math.max(peak, Math.abs(samples[i]));
        }
    }

    @Override
    public void onEnd(long decodedMs) {
        endedAt = decodedMs;
    }
}
