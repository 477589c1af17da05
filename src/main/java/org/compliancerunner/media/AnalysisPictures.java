package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB0;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.jspecify.annotations.Nullable;

/**
 * Scales the decoder's pictures down to the small RGB pictures the analyzers judge: they look at areas and averages,
 * never single pixels, so an area-averaged picture at most {@value #MAX_WIDTH} pixels wide keeps them right and
 * cheap. Used on the picture thread only, so the scaling runs beside decoding rather than after it. The pixels are
 * four bytes (RGB and one unused), as FFmpeg's scaler writes those in a third less time than three-byte ones.
 */
final class AnalysisPictures implements AutoCloseable {

    static final int MAX_WIDTH = 320;

    private final int width;
    private final int height;
    private final PointerPointer<BytePointer> rgbPlane = new PointerPointer<>(4);
    private final IntPointer rgbStride;
    private @Nullable SwsContext scaler;

    /** For a video whose pictures are {@code sourceWidth} × {@code sourceHeight}, as its stream says. */
    AnalysisPictures(int sourceWidth, int sourceHeight) {
        int fromWidth = Math.max(2, sourceWidth);
        int fromHeight = Math.max(2, sourceHeight);
        width = Math.min(MAX_WIDTH, fromWidth) & ~1;
        height = Math.max(2, (int) Math.round((double) fromHeight * width / fromWidth) & ~1);
        rgbStride = new IntPointer(stride(), 0, 0, 0);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Bytes from one row of RGB to the next: rows are packed. */
    int stride() {
        return width * Picture.PIXEL_BYTES;
    }

    /**
     * Writes a decoded picture as {@link #height()} rows of packed RGB pixels to {@code rgb}, which holds at least
     * {@link #stride()} × {@link #height()} bytes.
     *
     * @throws MediaException when FFmpeg cannot convert the decoder's pixel format
     */
    void convert(AVFrame decoded, BytePointer rgb) throws MediaException {
        // a picture of another size or format than the last gets a new scaler, as a stream may change mid-way
        scaler = sws_getCachedContext(scaler, decoded.width(), decoded.height(), decoded.format(), width, height,
                AV_PIX_FMT_RGB0, SWS_AREA, null, null, (DoublePointer) null);
        if (scaler == null) {
            throw new MediaException("FFmpeg cannot scale pictures of pixel format " + decoded.format() + " ("
                    + decoded.width() + " × " + decoded.height() + ")");
        }
        rgbPlane.put(0, rgb);
        sws_scale(scaler, decoded.data(), decoded.linesize(), 0, decoded.height(), rgbPlane, rgbStride);
    }

    @Override
    public void close() {
        sws_freeContext(scaler);
        scaler = null;
        rgbPlane.close();
        rgbStride.close();
    }
}
