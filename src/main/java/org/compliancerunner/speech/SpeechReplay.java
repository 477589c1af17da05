package org.compliancerunner.speech;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Plays a spooled speech track to a recogniser window by window once the speech map is known: windows with no
 * speech in them are not sent at all, and inside the others the audio outside speech is silenced, so music and
 * silence cannot make the recogniser write text.
 */
final class SpeechReplay {

    private final int windowSeconds;
    private final @Nullable SpeechGate gate;
    private int windowsSkipped;

    /** {@code gate} null sends every window as it is, when no speech map was measured. */
    SpeechReplay(int windowSeconds, @Nullable SpeechGate gate) {
        this.windowSeconds = windowSeconds;
        this.gate = gate;
    }

    /** Completes {@code wav} and sends its speech windows to {@code recogniser}, in order. */
    void play(PcmWavFile wav, AudioWindows.Consumer recogniser) throws IOException, TranscriptionException {
        wav.complete();
        if (gate != null) {
            gate.silenceOutside(wav.path(), wav.samples());
        }
        AudioWindows windows = new AudioWindows(windowSeconds, (samples, length, startMs) -> {
            if (gate == null || gate.covers(startMs, startMs + length * 1000L / AudioWindows.SAMPLE_RATE)) {
                recogniser.window(samples, length, startMs);
            } else {
                windowsSkipped++;
            }
        });
        wav.read(windows::add);
        windows.flush();
    }

    /** Windows that held no speech and were not sent. */
    int windowsSkipped() {
        return windowsSkipped;
    }
}
