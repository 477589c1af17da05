package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks a whisper.cpp ggml model file in Java before the native loader sees it. whisper.cpp accepts a file with no
 * tensors ("assuming empty model for testing") and then runs inference on uninitialised memory, and it reads a
 * truncated download past its end; both must be a clear error instead of garbage output or a crashed JVM.
 * Layout: magic, 11 int32 hparams, mel filters, vocabulary, then tensors (dims, name, type, data) to the end.
 */
final class GgmlModelFile {

    private static final int MAGIC = 0x67676d6c;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private long position;

    private GgmlModelFile(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.size = channel.size();
    }

    /** Returns the number of tensors, or throws with what is wrong with the file. */
    static int verify(Path path) throws TranscriptionException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new GgmlModelFile(path, channel).walk();
        } catch (IOException e) {
            throw new TranscriptionException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private int walk() throws IOException, TranscriptionException {
        if (readInt() != MAGIC) {
            throw invalid("is not a ggml whisper model (wrong magic number)");
        }
        int[] hparams = new int[11];
        for (int i = 0; i < hparams.length; i++) {
            hparams[i] = readInt();
            if (hparams[i] < 0) {
                throw invalid("has a negative model parameter; it is damaged");
            }
        }
        int nMel = readInt();
        int nFft = readInt();
        skip((long) nMel * nFft * Float.BYTES, "mel filters");
        int vocabulary = readInt();
        for (int token = 0; token < vocabulary; token++) {
            skip(readInt(), "vocabulary");
        }
        int tensors = 0;
        while (position < size) {
            int dims = readInt();
            int nameLength = readInt();
            int type = readInt();
            if (dims < 1 || dims > 4 || nameLength < 1 || nameLength > 1024) {
                throw invalid("has a damaged tensor header at byte " + (position - 12));
            }
            long elements = 1;
            for (int d = 0; d < dims; d++) {
                elements *= readInt();
            }
            skip(nameLength, "tensor name");
            long bytes = tensorBytes(type, elements);
            if (bytes < 0) {
                // A tensor type newer than this check: leave the rest to whisper.cpp.
                return tensors + 1;
            }
            skip(bytes, "tensor data");
            tensors++;
        }
        if (tensors == 0) {
            throw invalid("has no tensor data (weights) after its vocabulary; it is a header-only test file or an"
                    + " incomplete download");
        }
        return tensors;
    }

    private int readInt() throws IOException, TranscriptionException {
        ByteBuffer buffer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw truncated("header");
            }
        }
        position += 4;
        return buffer.flip().getInt();
    }

    private void skip(long bytes, String what) throws TranscriptionException {
        if (bytes < 0 || position + bytes > size) {
            throw truncated(what);
        }
        position += bytes;
    }

    private TranscriptionException truncated(String what) {
        return invalid("ends inside its " + what + " (" + size + " bytes); it is an incomplete download");
    }

    private TranscriptionException invalid(String what) {
        return new TranscriptionException(path + " " + what);
    }

    /**
     * Data size of a tensor of one of the ggml types whisper models are published in, each stored in blocks of so
     * many elements in so many bytes; -1 for a type not listed here.
     */
    private static long tensorBytes(int type, long elements) {
        return switch (type) {
            case 0 -> elements * 4; // F32
            case 1 -> elements * 2; // F16
            case 2 -> elements / 32 * 18; // Q4_0
            case 3 -> elements / 32 * 20; // Q4_1
            case 6 -> elements / 32 * 22; // Q5_0
            case 7 -> elements / 32 * 24; // Q5_1
            case 8 -> elements / 32 * 34; // Q8_0
            case 10 -> elements / 256 * 84; // Q2_K
            case 11 -> elements / 256 * 110; // Q3_K
            case 12 -> elements / 256 * 144; // Q4_K
            case 13 -> elements / 256 * 176; // Q5_K
            case 14 -> elements / 256 * 210; // Q6_K
            case 15 -> elements / 256 * 292; // Q8_K
            default -> -1;
        };
    }
}
