package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** Reads the streams of an opened container into a {@link MediaInfo}. */
final class StreamLayout {

    private StreamLayout() {
    }

    static MediaInfo describe(AVFormatContext container) {
        String video = null;
        String audio = null;
        int subtitles = 0;
        for (int i = 0; i < container.nb_streams(); i++) {
            AVStream stream = container.streams(i);
            AVCodecParameters codec = stream.codecpar();
            int type = codec.codec_type();
            // Cover art in an audio file is a one-picture "video" stream: it is not video.
            if (type == AVMEDIA_TYPE_VIDEO && video == null
                    && (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) == 0) {
                video = codecName(codec) + " " + codec.width() + "x" + codec.height() + frameRate(stream);
            } else if (type == AVMEDIA_TYPE_AUDIO && audio == null) {
                audio = codecName(codec) + " " + codec.sample_rate() + " Hz " + codec.ch_layout().nb_channels() + " ch";
            } else if (type == AVMEDIA_TYPE_SUBTITLE) {
                subtitles++;
            }
        }
        long duration = container.duration();
        long durationMs = duration == AV_NOPTS_VALUE || duration <= 0 ? -1 : duration / 1000;
        return new MediaInfo(container.iformat().name().getString(), durationMs, video, audio, subtitles);
    }

    /** Duration of the first stream of this media type, or -1 when the container does not say. */
    static long streamDurationMs(AVFormatContext container, int mediaType) {
        for (int i = 0; i < container.nb_streams(); i++) {
            AVStream stream = container.streams(i);
            if (stream.codecpar().codec_type() == mediaType) {
                long duration = stream.duration();
                AVRational base = stream.time_base();
                return duration == AV_NOPTS_VALUE || duration <= 0 || base.den() == 0
                        ? -1 : duration * 1000 * base.num() / base.den();
            }
        }
        return -1;
    }

    private static String codecName(AVCodecParameters codec) {
        return avcodec_get_name(codec.codec_id()).getString();
    }

    private static String frameRate(AVStream stream) {
        AVRational rate = stream.avg_frame_rate().num() > 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
        if (rate.num() <= 0 || rate.den() <= 0) {
            return "";
        }
        double fps = (double) rate.num() / rate.den();
        return fps == Math.rint(fps)
                ? " " + (long) fps + " fps"
                : String.format(Locale.ROOT, " %.2f fps", fps);
    }
}
