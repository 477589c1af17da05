package org.compliancerunner.speech;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 16-bit PCM, 16 kHz mono WAV file written as the audio arrives, so a long video never sits in memory;
 * the sizes in the header are filled in when it is complete.
 */
final class PcmWavFile implements AutoCloseable {

    private static final int HEADER_BYTES = 44;

    private final Path path;
    private final OutputStream out;
    private final byte[] chunk = new byte[8192];
    private long samples;
    private boolean completed;

    PcmWavFile(Path path) throws IOException {
        this.path = path;
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        out.write(header(0));
    }

    Path path() {
        return path;
    }

    long samples() {
        return samples;
    }

    long durationMs() {
        return samples * 1000 / AudioWindows.SAMPLE_RATE;
    }

    void write(float[] input, int length) throws IOException {
        int used = 0;
        for (int i = 0; i < length; i++) {
            // Clip: the decoder promises [-1, 1] but resampling can overshoot slightly.
            int value = Math.round(Math.max(-1f, Math.min(1f, input[i])) * 32767f);
            chunk[used++] = (byte) value;
            chunk[used++] = (byte) (value >> 8);
            if (used == chunk.length) {
                out.write(chunk, 0, used);
                used = 0;
            }
        }
        out.write(chunk, 0, used);
        samples += length;
    }

    /** Flushes the samples and writes the final sizes into the header. */
    void complete() throws IOException {
        if (completed) {
            return;
        }
        completed = true;
        out.close();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(header(samples * 2)), 0);
        }
    }

    /** Reads the completed file back as samples in [-1, 1], in chunks; {@code samples} is reused between calls. */
    void read(AudioWindows.Sink sink) throws IOException, TranscriptionException {
        byte[] bytes = new byte[1 << 16];
        float[] samples = new float[bytes.length / 2];
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(path), bytes.length)) {
            in.skipNBytes(HEADER_BYTES);
            int read;
            int carried = 0;
            while ((read = in.read(bytes, carried, bytes.length - carried)) > 0) {
                int available = carried + read;
                int count = available / 2;
                for (int i = 0; i < count; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
                }
                // an odd byte waits for its partner in the next read
                carried = available % 2;
                if (carried == 1) {
                    bytes[0] = bytes[available - 1];
                }
                sink.accept(samples, count);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private static byte[] header(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
        header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(AudioWindows.SAMPLE_RATE).putInt(AudioWindows.SAMPLE_RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        header.put("data".getBytes()).putInt((int) dataBytes);
        return header.array();
    }
}
