package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.compliancerunner.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgmlModelFileTest {

    @TempDir
    Path dir;

    @Test
    void theHeaderOnlyStubIsRejectedForHavingNoWeights() {
        Path stub = Fixtures.require("models/for-tests-ggml-tiny.en.bin");

        assertThatThrownBy(() -> GgmlModelFile.verify(stub))
                .isInstanceOf(TranscriptionException.class)
                .hasMessageContaining("no tensor data");
    }

    @Test
    void aModelWithCompleteTensorsPasses() throws Exception {
        Path model = Files.write(dir.resolve("ok.bin"), model(8));

        assertThat(GgmlModelFile.verify(model)).isEqualTo(1);
    }

    @Test
    void aTruncatedDownloadIsRejected() throws Exception {
        byte[] complete = model(8);
        Path model = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(complete, complete.length - 3));

        assertThatThrownBy(() -> GgmlModelFile.verify(model))
                .hasMessageContaining("cut.bin")
                .hasMessageContaining("incomplete download");
    }

    @Test
    void aFileOfAnotherKindIsRejected() throws Exception {
        Path model = Files.writeString(dir.resolve("page.html"), "<html>Not found</html>");

        assertThatThrownBy(() -> GgmlModelFile.verify(model)).hasMessageContaining("not a ggml whisper model");
    }

    /** A minimal ggml whisper layout: tiny mel filters and vocabulary, one F32 tensor of two values. */
    static byte[] model(int tensorDataBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ints(out, 0x67676d6c, 51864, 1500, 384, 6, 4, 448, 384, 6, 4, 80, 1);
        ints(out, 1, 1, 0);              // n_mel, n_fft, one float filter
        ints(out, 1, 1);                 // one token of one byte
        out.write('a');
        ints(out, 1, 4, 0, 2);           // n_dims, name length, F32, ne[0]
        out.writeBytes("test".getBytes());
        out.writeBytes(new byte[tensorDataBytes]);
        return out.toByteArray();
    }

    private static void ints(ByteArrayOutputStream out, int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putInt(value);
        }
        out.writeBytes(buffer.array());
    }
}
