package org.compliancerunner.speech;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_PROP_BITMAP_SUB;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_decode_subtitle2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avsubtitle_free;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVSubtitle;
import org.bytedeco.ffmpeg.avcodec.AVSubtitleRect;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.compliancerunner.media.MediaContainer;
import org.compliancerunner.media.MediaException;

/** Reads a text subtitle stream (mov_text, subrip, webvtt, ass/ssa) from inside a media file with FFmpeg's libraries. */
final class EmbeddedCaptions {

    // AVSubtitle.end_display_time is unsigned; UINT32_MAX, read here as -1, means "until the next cue".
    private static final int UNTIL_NEXT_CUE = -1;

    // Marks a segment whose end is only known once the next cue is read.
    private static final long OPEN_END = Long.MIN_VALUE;

    private final Duration timeout;

    EmbeddedCaptions(Duration timeout) {
        this.timeout = timeout;
    }

    /** Segments of the {@code index}-th subtitle stream; bitmap subtitles (DVD, PGS, DVB) cannot be turned into text. */
    List<TranscriptSegment> read(Path media, int index) throws TranscriptionException {
        try (MediaContainer container = MediaContainer.open(media)) {
            AVFormatContext format = container.context();
            AVStream stream = subtitleStream(format, index, media);
            int codecId = stream.codecpar().codec_id();
            String codec = avcodec_get_name(codecId).getString();
            if (isBitmap(codecId)) {
                throw new TranscriptionException("Subtitle stream " + index + " of " + media.getFileName() + " is "
                        + codec + ": its captions are pictures and cannot be read as text. Put the captions beside"
                        + " the video as a .srt or .vtt file with the same name, or transcribe the sound instead"
                        + " (compliance.speech.engine: whisper or openai)");
            }
            AVCodecContext decoder = openDecoder(stream, codec, index, media);
            try {
                return decode(format, stream, decoder, index, media);
            } finally {
                avcodec_free_context(decoder);
            }
        } catch (MediaException e) {
            throw new TranscriptionException("Cannot read subtitle stream " + index + " with FFmpeg: "
                    + e.getMessage(), e);
        }
    }

    /** Whether FFmpeg knows this subtitle codec to carry pictures rather than text. */
    static boolean isBitmap(int codecId) {
        AVCodecDescriptor descriptor = avcodec_descriptor_get(codecId);
        return descriptor != null && (descriptor.props() & AV_CODEC_PROP_BITMAP_SUB) != 0;
    }

    private static AVStream subtitleStream(AVFormatContext format, int index, Path media)
            throws TranscriptionException {
        AVStream chosen = null;
        int seen = 0;
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            if (stream.codecpar().codec_type() == AVMEDIA_TYPE_SUBTITLE && seen++ == index) {
                chosen = stream;
            } else {
                // The demuxer then skips every other stream's packets instead of handing them over.
                stream.discard(AVDISCARD_ALL);
            }
        }
        if (chosen == null) {
            throw new TranscriptionException(media.getFileName() + " has " + seen + " subtitle stream(s), so there"
                    + " is no subtitle stream " + index + "; was the file replaced after it was probed?");
        }
        return chosen;
    }

    private static AVCodecContext openDecoder(AVStream stream, String codec, int index, Path media)
            throws TranscriptionException {
        AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
        if (decoder == null) {
            throw new TranscriptionException("Subtitle stream " + index + " of " + media.getFileName() + " is "
                    + codec + ", which this FFmpeg build cannot decode; put the captions beside the video as a"
                    + " .srt or .vtt file with the same name");
        }
        AVCodecContext context = avcodec_alloc_context3(decoder);
        int result = avcodec_parameters_to_context(context, stream.codecpar());
        // The decoder times a cue from its packet only when it knows the packets' time base.
        context.pkt_timebase(stream.time_base());
        if (result >= 0) {
            result = avcodec_open2(context, decoder, (AVDictionary) null);
        }
        if (result < 0) {
            avcodec_free_context(context);
            throw new TranscriptionException("Cannot open the " + codec + " decoder for subtitle stream " + index
                    + " of " + media.getFileName() + ": " + MediaContainer.reason(result));
        }
        return context;
    }

    private List<TranscriptSegment> decode(AVFormatContext format, AVStream stream, AVCodecContext decoder,
            int index, Path media) throws TranscriptionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        AVRational base = stream.time_base();
        // As the ffmpeg tool does, times count from the start of the file, not from its first timestamp.
        long originMs = format.start_time() == AV_NOPTS_VALUE ? 0 : format.start_time() * 1000 / AV_TIME_BASE;
        List<TranscriptSegment> segments = new ArrayList<>();
        AVPacket packet = av_packet_alloc();
        AVSubtitle subtitle = new AVSubtitle();
        int[] gotSubtitle = new int[1];
        try {
            while (av_read_frame(format, packet) >= 0) {
                try {
                    if (packet.stream_index() != stream.index()) {
                        continue;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new TranscriptionException("Subtitle stream " + index + " of " + media.getFileName()
                                + " was not read within " + timeout.toSeconds() + " s; the file may be damaged"
                                + " or on a slow disk");
                    }
                    // A damaged cue is skipped, as a player would, rather than losing every other cue.
                    if (avcodec_decode_subtitle2(decoder, subtitle, gotSubtitle, packet) < 0 || gotSubtitle[0] == 0) {
                        continue;
                    }
                    try {
                        cue(subtitle, packet, base, originMs).ifPresent(segments::add);
                    } finally {
                        avsubtitle_free(subtitle);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
        } finally {
            av_packet_free(packet);
            subtitle.close();
        }
        return closeOpenEnds(segments);
    }

    private static Optional<TranscriptSegment> cue(AVSubtitle subtitle, AVPacket packet, AVRational base,
            long originMs) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < subtitle.num_rects(); i++) {
            AVSubtitleRect rect = subtitle.rects(i);
            String line = rect.ass() != null ? AssDialogue.spokenText(rect.ass().getString(StandardCharsets.UTF_8))
                    : rect.text() != null ? CaptionParser.clean(rect.text().getString(StandardCharsets.UTF_8)) : "";
            if (!line.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(line);
            }
        }
        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        if (text.isEmpty() || pts == AV_NOPTS_VALUE) {
            return Optional.empty();
        }
        long shownMs = millis(pts, base) - originMs;
        long start = Math.max(0, shownMs + subtitle.start_display_time());
        int endDisplay = subtitle.end_display_time();
        long end = endDisplay != UNTIL_NEXT_CUE && endDisplay > subtitle.start_display_time() ? shownMs + endDisplay
                : packet.duration() > 0 ? shownMs + millis(packet.duration(), base)
                : OPEN_END;
        return Optional.of(new TranscriptSegment(start, end, text.toString(), CaptionTranscriber.EMBEDDED));
    }

    private static long millis(long ticks, AVRational base) {
        return base.den() == 0 ? 0 : ticks * 1000 * base.num() / base.den();
    }

    // A cue with no end of its own lasts until the next cue; the last one is kept as an instant.
    private static List<TranscriptSegment> closeOpenEnds(List<TranscriptSegment> segments) {
        List<TranscriptSegment> closed = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            TranscriptSegment s = segments.get(i);
            if (s.endMs() == OPEN_END) {
                long end = i + 1 < segments.size() ? Math.max(s.startMs(), segments.get(i + 1).startMs()) : s.startMs();
                s = new TranscriptSegment(s.startMs(), end, s.text(), s.source());
            }
            closed.add(s);
        }
        return closed;
    }
}
