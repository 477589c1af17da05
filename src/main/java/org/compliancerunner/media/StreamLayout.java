package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_BACK_LEFT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_BACK_RIGHT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_FRONT_CENTER;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_FRONT_LEFT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_FRONT_RIGHT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_LOW_FREQUENCY;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_LOW_FREQUENCY_2;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_SIDE_LEFT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_SIDE_RIGHT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_SURROUND_DIRECT_LEFT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_SURROUND_DIRECT_RIGHT;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHAN_UNKNOWN;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_channel_from_index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
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

    /** The decoded sound track's format, with channel roles from the first audio stream's layout. */
    static AudioFormat audioFormat(AVFormatContext container, int sampleRate, int channels) {
        AVChannelLayout layout = null;
        for (int i = 0; i < container.nb_streams() && layout == null; i++) {
            AVCodecParameters codec = container.streams(i).codecpar();
            if (codec.codec_type() == AVMEDIA_TYPE_AUDIO) {
                layout = codec.ch_layout();
            }
        }
        List<ChannelRole> roles = new ArrayList<>(channels);
        for (int i = 0; i < channels; i++) {
            int channel = layout == null || layout.nb_channels() != channels
                    ? AV_CHAN_NONE : av_channel_layout_channel_from_index(layout, i);
            roles.add(role(channel, i, channels));
        }
        return new AudioFormat(sampleRate, channels, roles);
    }

    private static ChannelRole role(int channel, int index, int channels) {
        if (channel == AV_CHAN_NONE || channel == AV_CHAN_UNKNOWN || channel < 0) {
            // no layout: assume the usual L R C LFE Ls Rs order of 5.1 and wider files
            return channels < 6 ? ChannelRole.FRONT : index == 3 ? ChannelRole.LFE : index >= 4 ? ChannelRole.SURROUND
                    : ChannelRole.FRONT;
        }
        if (channel == AV_CHAN_LOW_FREQUENCY || channel == AV_CHAN_LOW_FREQUENCY_2) {
            return ChannelRole.LFE;
        }
        if (channel == AV_CHAN_BACK_LEFT || channel == AV_CHAN_BACK_RIGHT || channel == AV_CHAN_SIDE_LEFT
                || channel == AV_CHAN_SIDE_RIGHT || channel == AV_CHAN_SURROUND_DIRECT_LEFT
                || channel == AV_CHAN_SURROUND_DIRECT_RIGHT) {
            return ChannelRole.SURROUND;
        }
        if (channel == AV_CHAN_FRONT_LEFT || channel == AV_CHAN_FRONT_RIGHT || channel == AV_CHAN_FRONT_CENTER) {
            return ChannelRole.FRONT;
        }
        return ChannelRole.OTHER;
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
