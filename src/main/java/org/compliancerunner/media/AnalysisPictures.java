package org.compliancerunner.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Has FFmpeg hand pictures over as small RGB images: picture analyzers judge areas and averages, never single
 * pixels, so an area-averaged picture at most {@value #MAX_WIDTH} pixels wide keeps them right and cheap.
 */
final class AnalysisPictures {

    static final int MAX_WIDTH = 320;

    private AnalysisPictures() {
    }

    /** Switches an opened grabber from raw to downscaled RGB pictures; FFmpeg re-creates its scaler on the next frame. */
    static void configure(FFmpegFrameGrabber grabber) {
        int sourceWidth = Math.max(2, grabber.getImageWidth());
        int sourceHeight = Math.max(2, grabber.getImageHeight());
        int width = Math.min(MAX_WIDTH, sourceWidth) & ~1;
        int height = Math.max(2, (int) Math.round((double) sourceHeight * width / sourceWidth) & ~1);
        grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        grabber.setPixelFormat(AV_PIX_FMT_RGB24);
        grabber.setImageScalingFlags(SWS_AREA);
        grabber.setImageWidth(width);
        grabber.setImageHeight(height);
    }
}
