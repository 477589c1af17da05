package org.compliancerunner.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.Loader;

/** Extracts a subtitle stream from inside a media file as SRT text, with the ffmpeg executable ffmpeg-platform ships. */
final class EmbeddedCaptions {

    private static volatile String ffmpeg;

    private final Duration timeout;

    EmbeddedCaptions(Duration timeout) {
        this.timeout = timeout;
    }

    /** SRT text of the {@code index}-th subtitle stream; bitmap subtitles (DVD, PGS) cannot be turned into text. */
    String srt(Path media, int index) throws TranscriptionException {
        List<String> command = List.of(executable(media), "-nostdin", "-v", "error", "-i", media.toString(),
                "-map", "0:s:" + index, "-f", "srt", "-");
        Path errors = null;
        Process process = null;
        try {
            errors = Files.createTempFile("compliance-ffmpeg-", ".log");
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).start();
            // Read stdout while ffmpeg runs, or a full pipe would stall it.
            InputStream stdout = process.getInputStream();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(stdout));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TranscriptionException("ffmpeg did not extract subtitle stream " + index + " of " + media
                        + " within " + timeout.toSeconds() + " s; the file may be damaged or on a slow disk");
            }
            byte[] srt = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0) {
                throw new TranscriptionException("ffmpeg could not extract subtitle stream " + index + " of " + media
                        + " as text (exit " + process.exitValue() + "): " + trimmed(Files.readString(errors)));
            }
            return new String(srt, StandardCharsets.UTF_8);
        } catch (IOException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new TranscriptionException("Cannot run ffmpeg to extract subtitles from " + media + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionException("Interrupted while extracting subtitles from " + media, e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String trimmed(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "..." : oneLine;
    }

    private static String executable(Path media) throws TranscriptionException {
        try {
            return executable();
        } catch (RuntimeException | LinkageError e) {
            throw new TranscriptionException("Cannot read the subtitle stream in " + media + ": the ffmpeg executable"
                    + " bundled with ffmpeg-platform does not load on this machine (" + rootCause(e) + "). Install the"
                    + " missing system library (for 'libpulse.so.0' the package is libpulse0), or put the captions"
                    + " beside the video as a .srt or .vtt file with the same name", e);
        }
    }

    /** Path of the bundled ffmpeg, extracted once per process; fails when its shared libraries cannot load. */
    static String executable() {
        if (ffmpeg == null) {
            synchronized (EmbeddedCaptions.class) {
                if (ffmpeg == null) {
                    ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
                }
            }
        }
        return ffmpeg;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
