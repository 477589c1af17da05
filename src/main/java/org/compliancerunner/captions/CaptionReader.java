package org.compliancerunner.captions;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads SubRip (SRT) and WebVTT files into cues as far as they can be read: a line that cannot be understood becomes
 * a {@link CaptionProblem} naming it, and reading goes on with the next cue. Both formats are blocks separated by
 * blank lines with a {@code start --> end} timing line; WebVTT adds a header, NOTE/STYLE/REGION blocks and cue
 * settings. Files should be UTF-8; others are read as windows-1252 (a superset of Latin-1) and say so.
 */
public final class CaptionReader {

    private static final Pattern TIMESTAMP = Pattern.compile("(?:(\\d+):)?([0-5]?\\d):([0-5]\\d)[,.](\\d{1,3})");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final Charset LATIN = Charset.forName("windows-1252");

    private CaptionReader() {
    }

    /** @param format {@link CaptionTrack#SRT} or {@link CaptionTrack#VTT}; @param origin names the file in findings */
    public static CaptionTrack read(byte[] bytes, String format, String origin, double frameRate) {
        List<CaptionProblem> problems = new ArrayList<>();
        String text = decode(bytes, problems);
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Cue> cues = new ArrayList<>();
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
            block(lines, blockStart, i, format, cues, problems);
        }
        return new CaptionTrack(format, origin, true, frameRate, cues, problems);
    }

    /** Reads one block; a block may hold several cues when the blank lines between them are missing. */
    private static void block(String[] lines, int from, int to, String format, List<Cue> cues,
                              List<CaptionProblem> problems) {
        String first = lines[from].strip();
        if (isWebVttBlockWithoutCue(first)) {
            return;
        }
        List<Integer> timings = new ArrayList<>();
        for (int line = from; line < to; line++) {
            if (lines[line].contains("-->")) {
                timings.add(line);
            }
        }
        if (timings.isEmpty()) {
            problems.add(new CaptionProblem(from + 1, "expected a cue timing line 'start --> end', found '"
                    + shortened(first) + "'; the block is skipped"));
            return;
        }
        // the line before a timing line is its index (SRT) or identifier (WebVTT), unless it is the previous cue's text
        int[] identifiers = new int[timings.size()];
        for (int t = 0; t < timings.size(); t++) {
            int timing = timings.get(t);
            int candidate = timing - 1;
            boolean isIdentifier = t == 0 ? candidate == from
                    : candidate > timings.get(t - 1) && INDEX.matcher(lines[candidate].strip()).matches();
            identifiers[t] = isIdentifier ? candidate : -1;
        }
        if (timings.get(0) - from > 1) {
            problems.add(new CaptionProblem(from + 1, "text before the cue timing on line " + (timings.get(0) + 1)
                    + " is not part of any cue; it is skipped"));
        }
        for (int t = 0; t < timings.size(); t++) {
            int timing = timings.get(t);
            Integer index = identifiers[t] >= 0 ? index(lines[identifiers[t]].strip(), identifiers[t], format, problems)
                    : null;
            if (identifiers[t] < 0 && CaptionTrack.SRT.equals(format)) {
                problems.add(new CaptionProblem(timing + 1, "the cue has no index number before its timing line"));
            }
            int textEnd = t + 1 == timings.size() ? to
                    : identifiers[t + 1] >= 0 ? identifiers[t + 1] : timings.get(t + 1);
            List<String> text = new ArrayList<>();
            for (int line = timing + 1; line < textEnd; line++) {
                text.add(lines[line]);
            }
            cue(lines[timing], timing, index, text, problems).ifPresent(cues::add);
        }
    }

    private static @Nullable Integer index(String text, int lineIndex, String format, List<CaptionProblem> problems) {
        if (INDEX.matcher(text).matches() && text.length() < 10) {
            return Integer.valueOf(text);
        }
        if (CaptionTrack.SRT.equals(format)) {
            problems.add(new CaptionProblem(lineIndex + 1, "expected a cue index number, found '" + shortened(text) + "'"));
        }
        return null; // a WebVTT cue identifier is free text
    }

    private static Optional<Cue> cue(String timingLine, int lineIndex, @Nullable Integer index, List<String> text,
                                               List<CaptionProblem> problems) {
        String[] ends = timingLine.split("-->", 2);
        String rest = ends[1].strip();
        // WebVTT cue settings (position:10% align:start) follow the end time
        String endStamp = rest.isEmpty() ? rest : SPACES.split(rest, 2)[0];
        Long start = millis(ends[0].strip());
        Long end = millis(endStamp);
        if (start == null || end == null) {
            String bad = start == null ? ends[0].strip() : endStamp;
            problems.add(new CaptionProblem(lineIndex + 1, (bad.startsWith("-") ? "negative time '" : "malformed time '")
                    + shortened(bad) + "' (expected hh:mm:ss,mmm or mm:ss.mmm); the cue is skipped"));
            return Optional.empty();
        }
        if (end < start) {
            problems.add(new CaptionProblem(lineIndex + 1, "the cue ends (" + endStamp + ") before it starts ("
                    + ends[0].strip() + "); the cue is skipped"));
            return Optional.empty();
        }
        return Optional.of(new Cue(lineIndex + 1, index, start, end, text));
    }

    private static boolean isWebVttBlockWithoutCue(String first) {
        return first.startsWith("WEBVTT") || first.equals("NOTE") || first.startsWith("NOTE ")
                || first.startsWith("NOTE\t") || first.equals("STYLE") || first.equals("REGION");
    }

    /** Milliseconds of a timestamp, or null when it is not one. */
    static @Nullable Long millis(String stamp) {
        Matcher m = TIMESTAMP.matcher(stamp);
        if (!m.matches()) {
            return null;
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        String fraction = (m.group(4) + "00").substring(0, 3);
        return ((hours * 60 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 1000
                + Long.parseLong(fraction);
    }

    /** UTF-8 (with or without a byte-order mark), UTF-16 with one, else windows-1252 with a problem naming the line. */
    static String decode(byte[] bytes, List<CaptionProblem> problems) {
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            return decode(Arrays.copyOfRange(bytes, 3, bytes.length), problems);
        }
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            utf8.flush(out);
            String text = out.flip().toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        int line = 1;
        for (int b = 0; b < in.position(); b++) {
            line += bytes[b] == '\n' ? 1 : 0;
        }
        problems.add(new CaptionProblem(line, "the file is not UTF-8 (byte 0x"
                + String.format("%02X", bytes[in.position()] & 0xFF) + "); it was read as windows-1252 (Latin-1)."
                + " Save captions as UTF-8"));
        return new String(bytes, LATIN);
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
