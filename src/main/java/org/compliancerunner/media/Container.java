package org.compliancerunner.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A media container as recognised from a file's content, never from its name: the content type it is served with
 * and the extension it is stored under.
 *
 * @param demuxer     FFmpeg's name for it, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 * @param contentType an audio or video type, or application/octet-stream for a container without a common one
 * @param extension   with its dot, e.g. ".mp4"
 */
public record Container(String demuxer, String contentType, String extension) {

    private static final String OCTET_STREAM = "application/octet-stream";

    // FFmpeg's demuxer names of the common containers; anything else is served as bytes to save, not to render
    private static final Map<String, Container> KNOWN = Map.ofEntries(
            known("mov,mp4,m4a,3gp,3g2,mj2", "video/mp4", ".mp4"),
            known("matroska,webm", "video/x-matroska", ".mkv"),
            known("avi", "video/x-msvideo", ".avi"),
            known("mpegts", "video/mp2t", ".ts"),
            known("mpeg", "video/mpeg", ".mpg"),
            known("flv", "video/x-flv", ".flv"),
            known("asf", "video/x-ms-asf", ".asf"),
            known("ogg", "video/ogg", ".ogg"),
            known("mxf", "application/mxf", ".mxf"),
            known("wav", "audio/wav", ".wav"),
            known("mp3", "audio/mpeg", ".mp3"),
            known("flac", "audio/flac", ".flac"),
            known("aac", "audio/aac", ".aac"));

    private static Map.Entry<String, Container> known(String demuxer, String contentType, String extension) {
        return Map.entry(demuxer, new Container(demuxer, contentType, extension));
    }

    /** The container for a demuxer FFmpeg picked from {@code head}, the file's first bytes. */
    static Container of(String demuxer, byte[] head) {
        Container known = KNOWN.get(demuxer);
        if (known == null) {
            return new Container(demuxer, OCTET_STREAM, ".bin");
        }
        // one demuxer reads both: the ftyp box's major brand tells QuickTime from MP4
        if (known.extension().equals(".mp4") && brand(head).equals("qt  ")) {
            return new Container(demuxer, "video/quicktime", ".mov");
        }
        // and Matroska from WebM: the EBML header names its DocType near the start
        if (known.extension().equals(".mkv") && contains(head, "webm", 64)) {
            return new Container(demuxer, "video/webm", ".webm");
        }
        return known;
    }

    /** Whether a browser may show it in place: media types only, never a type a browser would run. */
    public boolean playable() {
        return contentType.startsWith("video/") || contentType.startsWith("audio/");
    }

    private static String brand(byte[] head) {
        boolean ftyp = head.length >= 12 && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp");
        return ftyp ? new String(head, 8, 4, StandardCharsets.ISO_8859_1) : "";
    }

    private static boolean contains(byte[] head, String text, int within) {
        byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        byte[] start = Arrays.copyOf(head, Math.min(head.length, within));
        for (int i = 0; i + wanted.length <= start.length; i++) {
            if (Arrays.equals(start, i, i + wanted.length, wanted, 0, wanted.length)) {
                return true;
            }
        }
        return false;
    }
}
