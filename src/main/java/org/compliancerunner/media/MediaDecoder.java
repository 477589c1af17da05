package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one decode pass per video: opens the file once, decodes what the listeners need and fans it out to all
 * of them. Keeps nothing of a file between calls, so partitions can decode different files at the same time; it only
 * counts the decodes in progress, to share the cores between them.
 */
@Component
public class MediaDecoder {

    private static final long MIN_SHORTFALL_MS = 1000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final AtomicInteger decoding = new AtomicInteger();
    private static final double MAX_SHORTFALL_SHARE = 0.05;

    /**
     * Decodes the file once, calling {@link MediaListener#onStart} on every listener, then streaming to them,
     * then {@link MediaListener#onEnd} when the whole file was decoded.
     *
     * <p>Pictures are decoded only when a listener wants video, or when the file has no audio (something has
     * to be decoded to prove the file is whole). Audio is always decoded when present: it is cheap, and it
     * is what shows a truncated file.
     *
     * @throws MediaException when the file cannot be opened, or decoding stops well short of its duration
     */
    public DecodeSummary decode(Path file, List<? extends MediaListener> listeners) throws MediaException {
        ListenerFanout fanout = new ListenerFanout(listeners);
        int concurrent = decoding.incrementAndGet();
        // partitions decode side by side: sharing the cores between them beats each decoder taking them all
        int cores = Math.max(1, CORES / concurrent);
        int threads = concurrent == 1 ? 0 : cores;
        // the picture and sound threads keep about a core busy: with two cores or fewer for this decode, frame
        // threads have no core of their own and only add their bookkeeping (a sixth more CPU for H.264), so
        // the decoder works on slices side by side (ProRes, sliced H.264) and otherwise one picture at a time
        try (OpenedMedia media = OpenedMedia.open(file, threads, cores > 2)) {
            MediaInfo info = media.info();
            fanout.start(info);
            DecodeSummary summary = decodeStreams(file, media, fanout);
            checkComplete(file, expectedMs(media, summary), summary);
            fanout.end(summary.decodedMs());
            return summary;
        } finally {
            decoding.decrementAndGet();
        }
    }

    private DecodeSummary decodeStreams(Path file, OpenedMedia media, ListenerFanout fanout) throws MediaException {
        FFmpegFrameGrabber grabber = media.grabber();
        boolean audio = grabber.hasAudio();
        boolean video = grabber.hasVideo() && (fanout.wantsVideo() || !audio);
        int sampleRate = Math.max(1, grabber.getSampleRate());
        int channels = Math.max(1, grabber.getAudioChannels());
        long frameUs = grabber.getFrameRate() > 0 ? Math.round(1_000_000 / grabber.getFrameRate()) : 0;
        AudioFormat format = audio ? StreamLayout.audioFormat(grabber.getFormatContext(), sampleRate, channels) : null;
        boolean analysePictures = video && fanout.wantsVideo();
        long endUs = 0;
        long samples = 0;
        long pictures = 0;
        String name = file.getFileName().toString();
        try (SpeechResampler speech = audio && fanout.wantsSpeechAudio()
                     ? new SpeechResampler(sampleRate, channels, fanout::speechAudio) : null;
             AnalysisPictures small = analysePictures
                     ? new AnalysisPictures(grabber.getImageWidth(), grabber.getImageHeight()) : null;
             AnalysisThreads listening = new AnalysisThreads(name, fanout, small, format, speech)) {
            try {
                Frame frame;
                while (!listening.failed() && (frame = grabber.grabFrame(audio, video, true, false, false)) != null) {
                    // every frame is a safe point: a stopped or timed-out inspection ends here
                    if (Thread.currentThread().isInterrupted()) {
                        throw interrupted(file, endUs);
                    }
                    if (frame.samples != null) {
                        int n = frame.samples[0].limit() / channels;
                        samples += n;
                        endUs = Math.max(endUs, frame.timestamp + n * 1_000_000L / sampleRate);
                        listening.sound(frame, n);
                    } else if (frame.image != null) {
                        if (analysePictures) {
                            listening.picture(frame, pictures);
                        }
                        pictures++;
                        endUs = Math.max(endUs, frame.timestamp + frameUs);
                    }
                }
            } catch (FrameGrabber.Exception e) {
                // what was decoded before the break is still measured
                listening.finish(false);
                String said = FfmpegLog.lastError() != null ? FfmpegLog.lastError() : e.getMessage();
                throw new MediaException(stoppedAt(file, endUs / 1000, media.info().durationMs(), said), e);
            }
            listening.finish(true);
            rethrow(file, endUs, media, listening.failure());
        } catch (FrameFilter.Exception e) {
            String said = FfmpegLog.lastError() != null ? FfmpegLog.lastError() : e.getMessage();
            throw new MediaException(stoppedAt(file, endUs / 1000, media.info().durationMs(), said), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(file, endUs);
        }
        return new DecodeSummary(endUs / 1000, samples, pictures);
    }

    // A listener's fault is the analysis's, not the file's: it goes up as it was thrown.
    private static void rethrow(Path file, long endUs, OpenedMedia media, @Nullable Exception failure) throws MediaException {
        if (failure == null) {
            return;
        }
        if (failure instanceof MediaException unreadable) {
            throw unreadable; // a picture FFmpeg could not scale
        }
        if (failure instanceof FrameFilter.Exception filter) {
            throw new MediaException(stoppedAt(file, endUs / 1000, media.info().durationMs(), filter.getMessage()), filter);
        }
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        throw new IllegalStateException("analysing " + file.getFileName() + " failed: " + failure, failure);
    }

    private static MediaException interrupted(Path file, long endUs) {
        return new MediaException("decoding " + file.getFileName() + " was interrupted at " + seconds(endUs / 1000) + " s");
    }

    // What the decoded streams should reach: an audio track may legitimately end before the picture does.
    private static long expectedMs(OpenedMedia media, DecodeSummary summary) {
        AVFormatContext container = media.grabber().getFormatContext();
        long audio = summary.audioSamples() > 0 ? StreamLayout.streamDurationMs(container, AVMEDIA_TYPE_AUDIO) : -1;
        long video = summary.videoFrames() > 0 ? StreamLayout.streamDurationMs(container, AVMEDIA_TYPE_VIDEO) : -1;
        long expected = Math.max(audio, video);
        return expected > 0 ? expected : media.info().durationMs();
    }

    private static void checkComplete(Path file, long duration, DecodeSummary summary) throws MediaException {
        boolean nothing = summary.audioSamples() == 0 && summary.videoFrames() == 0;
        long allowed = Math.max(MIN_SHORTFALL_MS, Math.round(duration * MAX_SHORTFALL_SHARE));
        if (nothing || duration > 0 && summary.decodedMs() < duration - allowed) {
            throw new MediaException(stoppedAt(file, summary.decodedMs(), duration, FfmpegLog.lastError()));
        }
    }

    private static String stoppedAt(Path file, long decodedMs, long durationMs, @Nullable String ffmpegSaid) {
        return "decoding " + file.getFileName() + " stopped at " + seconds(decodedMs) + " s of "
                + (durationMs > 0 ? seconds(durationMs) : "?") + " s — the file is truncated or corrupt"
                + (ffmpegSaid == null ? "" : " (FFmpeg: " + ffmpegSaid + ")");
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
