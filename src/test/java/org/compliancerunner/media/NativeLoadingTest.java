package org.compliancerunner.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

/** Loads on threads of their own, and a process that exits while one is inside native code. */
class NativeLoadingTest {

    @Test
    void aProcessExitingWhileTheSpeechModelLoadsEndsWithItsOwnExitStatus() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExitsWhileLoading.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // without the wait, ONNX Runtime's shutdown hook releases what the loading thread uses: SIGSEGV, status 134
        assertThat(child.exitValue()).as(output).isEqualTo(ExitsWhileLoading.STATUS);
        assertThat(output).contains("sessions loaded");
    }

    @Test
    void exitWaitsForLoadsThatEndAndNotForOnesThatHang() throws Exception {
        AtomicBoolean loaded = new AtomicBoolean();
        NativeLoading.start("load-slowly", () -> {
            Thread.sleep(300);
            loaded.set(true);
        });
        NativeLoading.awaitAll(Duration.ofSeconds(10));
        assertThat(loaded).isTrue();

        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hung = new AtomicBoolean(true);
        NativeLoading.start("load-forever", () -> {
            release.await();
            hung.set(false);
        });
        NativeLoading.awaitAll(Duration.ofMillis(200));
        assertThat(hung).as("returned while the load still hangs").isTrue();
        release.countDown();
    }

    /** Creates speech-model sessions for two seconds on a loading thread, and exits half a second in. */
    static final class ExitsWhileLoading {

        static final int STATUS = 7;

        public static void main(String[] args) throws Exception {
            byte[] model;
            try (InputStream in = ExitsWhileLoading.class.getResourceAsStream("/models/silero_vad_v6.onnx")) {
                model = in.readAllBytes();
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            NativeLoading.start("load-sessions", () -> {
                // a session takes about a tenth of a second to create, nearly all of it in native code
                while (System.nanoTime() < until) {
                    try (OrtSession ignored = OrtEnvironment.getEnvironment().createSession(model)) {
                        // created and closed again
                    }
                }
                System.out.println("sessions loaded");
            });
            Thread.sleep(500);
            NativeLoading.exit(() -> STATUS);
        }
    }
}
