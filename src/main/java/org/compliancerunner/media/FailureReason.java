package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what FFmpeg says about a broken file into words an operator can act on. */
final class FailureReason {

    private static final Pattern ERROR_CODE = Pattern.compile("error (-\\d+)");

    private FailureReason() {
    }

    /**
     * The reason a file could not be opened: FFmpeg's last error line when it logged one, else the text of
     * the error code JavaCV reports.
     */
    static String ofOpen(String ffmpegLine, String grabberMessage) {
        String said = ffmpegLine != null ? ffmpegLine : errorText(grabberMessage);
        String lower = said.toLowerCase();
        if (lower.contains("moov atom not found")) {
            return "moov atom not found — the file is truncated or not a complete MP4";
        }
        if (lower.contains("invalid data found")) {
            return "FFmpeg finds no audio or video it can read in it (" + said + ")";
        }
        if (lower.contains("end of file")) {
            return "it ends before its header does (" + said + ") — the file is truncated";
        }
        return said;
    }

    private static String errorText(String grabberMessage) {
        if (grabberMessage == null) {
            return "unknown FFmpeg error";
        }
        Matcher code = ERROR_CODE.matcher(grabberMessage);
        if (code.find()) {
            byte[] text = new byte[256];
            if (av_strerror(Integer.parseInt(code.group(1)), text, text.length) == 0) {
                return new String(text, 0, length(text)).strip();
            }
        }
        return grabberMessage;
    }

    private static int length(byte[] cString) {
        int n = 0;
        while (n < cString.length && cString[n] != 0) {
            n++;
        }
        return n;
    }
}
