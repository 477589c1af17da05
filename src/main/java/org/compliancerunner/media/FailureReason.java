package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns what FFmpeg says about a file it cannot open into words an operator can act on. */
final class FailureReason {

    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

    private FailureReason() {
    }

    /** What FFmpeg said: its last error line when it logged one, else the text of the error code JavaCV reports. */
    static String ffmpegSaid(@Nullable String logLine, @Nullable String grabberMessage) {
        if (logLine != null) {
            return logLine;
        }
        if (grabberMessage == null) {
            return "unknown FFmpeg error";
        }
        if (grabberMessage.contains("Did not find a video or audio stream")) {
            return "no audio or video stream";
        }
        Matcher code = ERROR_CODE.matcher(grabberMessage);
        if (code.find()) {
            byte[] text = new byte[256];
            if (av_strerror(Integer.parseInt(code.group(1)), text, text.length) == 0) {
                return new String(text, 0, cStringLength(text)).strip();
            }
        }
        return grabberMessage;
    }

    /** What FFmpeg said, with what it means for the file when that is known. */
    static String explain(String said) {
        String lower = said.toLowerCase();
        if (lower.contains("moov atom not found")) {
            return "moov atom not found — the file is truncated or not a complete MP4";
        }
        if (lower.contains("no audio or video stream")) {
            return "it has no audio or video stream";
        }
        if (lower.contains("end of file")) {
            return said + " — the file ends before its header does: it is truncated";
        }
        return said;
    }

    private static int cStringLength(byte[] text) {
        int n = 0;
        while (n < text.length && text[n] != 0) {
            n++;
        }
        return n;
    }
}
