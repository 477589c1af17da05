package org.compliancerunner.media;

import java.util.List;

/** The one place the decode pass hands its output to the listeners, each getting only what it asked for. */
final class ListenerFanout {

    private final List<? extends MediaListener> all;
    private final List<MediaListener> speech;
    private final List<MediaListener> audio;
    private final List<MediaListener> pictures;

    ListenerFanout(List<? extends MediaListener> listeners) {
        this.all = List.copyOf(listeners);
        this.speech = all.stream().filter(MediaListener::wantsSpeechAudio).map(MediaListener.class::cast).toList();
        this.audio = all.stream().filter(MediaListener::wantsAudio).map(MediaListener.class::cast).toList();
        this.pictures = all.stream().filter(MediaListener::wantsVideo).map(MediaListener.class::cast).toList();
    }

    boolean wantsVideo() {
        return !pictures.isEmpty();
    }

    boolean wantsSpeechAudio() {
        return !speech.isEmpty();
    }

    boolean wantsAudio() {
        return !audio.isEmpty();
    }

    void start(MediaInfo info) {
        all.forEach(listener -> listener.onStart(info));
    }

    void speechAudio(float[] samples, int length) {
        for (MediaListener listener : speech) {
            listener.onSpeechAudio(samples, length);
        }
    }

    void audio(AudioFormat format, float[] samples, int frames) {
        for (MediaListener listener : audio) {
            listener.onAudio(format, samples, frames);
        }
    }

    void picture(Picture picture) {
        for (MediaListener listener : pictures) {
            listener.onPicture(picture);
        }
    }

    void end(long decodedMs) {
        all.forEach(listener -> listener.onEnd(decodedMs));
    }
}
