package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg's log, process-wide: errors only, routed to SLF4J at debug level so an operator's terminal stays
 * readable, and the last error line of the current thread kept so a failure can say what FFmpeg said.
 */
public final class FfmpegLog {

    private static final Logger log = LoggerFactory.getLogger("ffmpeg");

    private static final ThreadLocal<String> lastError = new ThreadLocal<>();

    // "[h264 @ 0x55d0c8a0] msg": the address means nothing to an operator, the component name does.
    private static final Pattern CONTEXT = Pattern.compile("^\\[([^\\]]+?) @ 0x[0-9a-fA-F]+\\]\\s*");

    // Native code keeps only a pointer to the callback: this reference stops it being collected.
    private static ErrorLines callback;

    private FfmpegLog() {
    }

    /** Routes FFmpeg's log here; whatever writes or reads media through JavaCV calls this first. */
    public static synchronized void install() {
        if (callback != null) {
            return;
        }
        Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
        av_log_set_level(AV_LOG_ERROR);
        callback = new ErrorLines();
        setLogCallback(callback);
    }

    /** Forgets this thread's last error, so a new file does not inherit the previous file's reason. */
    static void clear() {
        lastError.remove();
    }

    /** The last error line FFmpeg logged on this thread since {@link #clear()}, or null. */
    static @Nullable String lastError() {
        return lastError.get();
    }

    private static final class ErrorLines extends LogCallback {

        @Override
        public void call(int level, BytePointer message) {
            if (level > AV_LOG_ERROR || message == null) {
                return;
            }
            String line = CONTEXT.matcher(message.getString().strip()).replaceFirst("$1: ");
            if (!line.isEmpty()) {
                lastError.set(line);
                log.debug(line);
            }
        }
    }
}
