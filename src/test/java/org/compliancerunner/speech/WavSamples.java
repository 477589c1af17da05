package org.compliancerunner.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Feeds a 16 kHz WAV file to a session the way the decode pass does: mono floats in chunks. */
final class WavSamples {

    private WavSamples() {
    }

    static void feed(Path wav, TranscriptionSession session) throws Exception {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = source.getFormat();
            if (format.getSampleRate() != 16_000) {
                throw new IllegalArgumentException(wav + " is " + format.getSampleRate() + " Hz, not 16 kHz");
            }
            int channels = format.getChannels();
            AudioFormat pcm = new AudioFormat(16_000, 16, channels, true, false);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(pcm, source)) {
                byte[] bytes = new byte[4096 * 2 * channels];
                float[] samples = new float[4096];
                int read;
                while ((read = in.readNBytes(bytes, 0, bytes.length)) > 0) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, read).order(ByteOrder.LITTLE_ENDIAN);
                    int frames = read / (2 * channels);
                    for (int i = 0; i < frames; i++) {
                        float sum = 0;
                        for (int c = 0; c < channels; c++) {
                            sum += buffer.getShort() / 32768f;
                        }
                        samples[i] = sum / channels;
                    }
                    session.onSpeechAudio(samples, frames);
                }
            }
        }
    }
}
