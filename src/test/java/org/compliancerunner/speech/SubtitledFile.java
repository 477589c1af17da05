package org.compliancerunner.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_ASS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MOV_TEXT;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.compliancerunner.demo.SampleMedia.Cue;

/** Writes a subtitle-only media file with FFmpeg's muxers, packets made here, so tests need no fixture or executable. */
final class SubtitledFile {

    /** One subtitle stream: its codec and its cues. */
    record Track(int codecId, List<Cue> cues) {
    }

    private SubtitledFile() {
    }

    /** @param muxer FFmpeg's muxer name, e.g. "matroska" or "mp4" */
    static Path write(Path file, String muxer, Track... tracks) {
        AVFormatContext output = new AVFormatContext(null);
        assertThat(avformat_alloc_output_context2(output, null, muxer, file.toString())).isZero();
        AVRational millis = new AVRational().num(1).den(1000);
        try {
            for (Track track : tracks) {
                AVStream stream = avformat_new_stream(output, null);
                stream.codecpar().codec_type(AVMEDIA_TYPE_SUBTITLE).codec_id(track.codecId());
                stream.time_base(millis);
            }
            AVIOContext io = new AVIOContext(null);
            assertThat(avio_open(io, "file:" + file.toAbsolutePath(), AVIO_FLAG_WRITE)).isZero();
            output.pb(io);
            assertThat(avformat_write_header(output, (AVDictionary) null)).as("write header").isGreaterThanOrEqualTo(0);
            for (Packet p : inTimeOrder(tracks)) {
                AVPacket packet = av_packet_alloc();
                try {
                    byte[] payload = payload(p.codecId(), p.cue().text());
                    assertThat(av_new_packet(packet, payload.length)).isZero();
                    packet.data().put(payload);
                    packet.stream_index(p.stream()).pts(p.cue().startMs()).dts(p.cue().startMs())
                            .duration(p.cue().endMs() - p.cue().startMs());
                    av_packet_rescale_ts(packet, millis, output.streams(p.stream()).time_base());
                    assertThat(av_interleaved_write_frame(output, packet)).as("write cue").isZero();
                } finally {
                    av_packet_free(packet);
                }
            }
            assertThat(av_write_trailer(output)).isZero();
        } finally {
            if (output.pb() != null) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
        }
        return file;
    }

    private record Packet(int stream, int codecId, Cue cue) {
    }

    private static List<Packet> inTimeOrder(Track[] tracks) {
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < tracks.length; i++) {
            for (Cue cue : tracks[i].cues()) {
                packets.add(new Packet(i, tracks[i].codecId(), cue));
            }
        }
        packets.sort(Comparator.comparingLong(p -> p.cue().startMs()));
        return packets;
    }

    // Each codec's packet layout: ASS events carry 8 fields before the text, mov_text a 16-bit length first.
    private static byte[] payload(int codecId, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (codecId == AV_CODEC_ID_ASS) {
            return ("0,0,Default,,0,0,0,," + text).getBytes(StandardCharsets.UTF_8);
        }
        if (codecId == AV_CODEC_ID_MOV_TEXT) {
            return ByteBuffer.allocate(2 + utf8.length).putShort((short) utf8.length).put(utf8).array();
        }
        return utf8;
    }
}
