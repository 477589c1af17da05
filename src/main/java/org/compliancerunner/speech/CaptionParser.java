package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (SRT) and WebVTT captions into transcript segments. Both are blocks separated by blank lines with a
 * {@code start --> end} timing line, so one reader handles both: WebVTT adds a header, NOTE/STYLE/REGION blocks
 * and cue settings, which SRT never contains.
 */
final class CaptionParser {

    private static final Pattern TIMESTAMP = Pattern.compile("(?:(\\d+):)?([0-5]?\\d):([0-5]\\d)[,.](\\d{1,3})");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ASS_OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String source;

    /** @param source the segment source to stamp, e.g. "captions:srt" */
    CaptionParser(String source) {
        this.source = source;
    }

    List<TranscriptSegment> parse(Path file) throws TranscriptionException {
        try {
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new TranscriptionException("Cannot read captions " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param origin names the captions in error messages, e.g. the file path */
    List<TranscriptSegment> parse(String content, String origin) throws TranscriptionException {
        String[] lines = stripBom(content).split("\r\n|\r|\n", -1);
        List<TranscriptSegment> segments = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            int blockStart = i;
            while (i < lines.length && !lines[i].isBlank()) {
                i++;
            }
            cue(lines, blockStart, i, origin).ifPresent(segments::add);
        }
        return segments;
    }

    private Optional<TranscriptSegment> cue(String[] lines, int from, int to, String origin)
            throws TranscriptionException {
        String first = lines[from].strip();
        if (isWebVttBlockWithoutCue(first)) {
            return Optional.empty();
        }
        // The timing line is first, or second after an SRT index / WebVTT cue identifier.
        int timing = lines[from].contains("-->") ? from
                : from + 1 < to && lines[from + 1].contains("-->") ? from + 1 : -1;
        if (timing < 0) {
            throw new TranscriptionException(origin + ": line " + (from + 1)
                    + ": expected a cue timing line 'start --> end', found '" + first + "'");
        }
        String[] ends = lines[timing].split("-->", 2);
        long start = millis(ends[0].strip(), origin, timing);
        String rest = ends[1].strip();
        // WebVTT cue settings (position:10% align:start) follow the end time.
        long end = millis(rest.isEmpty() ? rest : SPACES.split(rest, 2)[0], origin, timing);
        StringBuilder text = new StringBuilder();
        for (int line = timing + 1; line < to; line++) {
            text.append(' ').append(lines[line]);
        }
        String clean = clean(text.toString());
        return clean.isEmpty() ? Optional.empty()
                : Optional.of(new TranscriptSegment(start, end, clean, source));
    }

    private static boolean isWebVttBlockWithoutCue(String first) {
        return first.startsWith("WEBVTT") || first.equals("NOTE") || first.startsWith("NOTE ")
                || first.startsWith("NOTE\t") || first.equals("STYLE") || first.equals("REGION");
    }

    private static long millis(String stamp, String origin, int lineIndex) throws TranscriptionException {
        Matcher m = TIMESTAMP.matcher(stamp);
        if (!m.matches()) {
            throw new TranscriptionException(origin + ": line " + (lineIndex + 1) + ": malformed timestamp '"
                    + stamp + "' (expected hh:mm:ss,mmm or mm:ss.mmm)");
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        String fraction = (m.group(4) + "00").substring(0, 3);
        return ((hours * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 1000
                + Long.parseLong(fraction);
    }

    /** Removes styling (HTML-like tags, ASS overrides such as {\an8}) and decodes the entities captions use. */
    static String clean(String text) {
        String plain = ASS_OVERRIDE.matcher(TAG.matcher(text).replaceAll("")).replaceAll("");
        plain = plain.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    private static String stripBom(String content) {
        return content.startsWith("\uFEFF") ? content.substring(1) : content;
    }
}
