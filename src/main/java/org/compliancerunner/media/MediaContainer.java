package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * A media file's container opened by FFmpeg's demuxer alone, for callers that read packets of one stream themselves
 * (embedded captions) rather than decoded pictures and sound; close it to free native memory.
 */
public final class MediaContainer implements AutoCloseable {

    static {
        FfmpegLog.install();
    }

    private final AVFormatContext context;

    private MediaContainer(AVFormatContext context) {
        this.context = context;
    }

    /** Opens the container and reads enough of it to know its streams. */
    public static MediaContainer open(Path file) throws MediaException {
        String name = file.getFileName().toString();
        AVFormatContext context = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        // "file:" stops a name with a colon being taken for a protocol; the whitelist stops a playlist-like file from fetching anything else.
        av_dict_set(options, "protocol_whitelist", "file", 0);
        FfmpegLog.clear();
        int opened;
        try {
            opened = avformat_open_input(context, "file:" + file.toAbsolutePath(), null, options);
        } finally {
            av_dict_free(options);
        }
        if (opened < 0) {
            throw new MediaException("cannot open " + name + ": " + reason(opened));
        }
        int found = avformat_find_stream_info(context, (AVDictionary) null);
        if (found < 0) {
            avformat_close_input(context);
            throw new MediaException("cannot read the streams of " + name + ": " + reason(found));
        }
        return new MediaContainer(context);
    }

    /** What FFmpeg said about a failed call, in an operator's words; public so packet readers can explain theirs. */
    public static String reason(int errorCode) {
        // Same shape as JavaCV's messages, so the code is turned into FFmpeg's text when nothing was logged.
        return FailureReason.explain(FailureReason.ffmpegSaid(FfmpegLog.lastError(), "error " + errorCode));
    }

    public AVFormatContext context() {
        return context;
    }

    @Override
    public void close() {
        avformat_close_input(context);
    }
}
