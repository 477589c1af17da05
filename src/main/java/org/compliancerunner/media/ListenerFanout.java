package org.compliancerunner.media;

import java.util.List;

/** The one place the decode pass hands its output to the listeners, each getting only what it asked for. */
final class ListenerFanout {

    private final List<? extends MediaListener> all;
    private final List<MediaListener> speech;
    private final boolean video;

    ListenerFanout(List<? extends MediaListener> listeners) {
        this.all = List.copyOf(listeners);
        this.speech = all.stream().filter(MediaListener::wantsSpeechAudio).map(MediaListener.class::cast).toList();
        this.video = all.stream().anyMatch(MediaListener::wantsVideo);
    }

    boolean wantsVideo() {
        return video;
    }

    boolean wantsSpeechAudio() {
        return !speech.isEmpty();
    }

    void start(MediaInfo info) {
        all.forEach(listener -> listener.onStart(info));
    }

    void speechAudio(float[] samples, int length) {
        for (MediaListener listener : speech) {
            listener.onSpeechAudio(samples, length);
        }
    }

    void end(long decodedMs) {
        all.forEach(listener -> listener.onEnd(decodedMs));
    }
}
