package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.compliancerunner.captions.CaptionReader;
import org.compliancerunner.captions.CaptionTrack;
import org.jspecify.annotations.Nullable;

/**
 * A transcript read from a file a rule author has at hand: SubRip ({@code .srt}), WebVTT ({@code .vtt}) or plain
 * text ({@code .txt}, one segment per line, line N spanning second N-1 to N). Files must be UTF-8.
 */
public final class TranscriptFiles {

    /** Plain-text lines get one second each, so a trigger's start shows its line. */
    static final long LINE_MS = 1000;

    private TranscriptFiles() {
    }

    public static Transcript read(Path file) throws TranscriptionException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = utf8(file);
        if (name.endsWith(".srt") || name.endsWith(".vtt")) {
            String source = "captions:" + name.substring(name.length() - 3);
            return new Transcript(source, new CaptionParser(source).parse(text, file.toString()), null);
        }
        if (name.endsWith(".txt")) {
            return new Transcript("text", lines(text), null);
        }
        throw new TranscriptionException(file + ": not a transcript file; give a .srt, .vtt or .txt file");
    }

    /**
     * The caption track of a {@code .srt} or {@code .vtt} file, for the caption rules, judged at the default frame
     * rate; null for other files.
     */
    public static @Nullable CaptionTrack captions(Path file) throws TranscriptionException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".srt") && !name.endsWith(".vtt")) {
            return null;
        }
        return CaptionReader.read(utf8(file).getBytes(StandardCharsets.UTF_8), name.substring(name.length() - 3),
                file.getFileName().toString(), CaptionTrack.DEFAULT_FRAME_RATE);
    }

    private static List<TranscriptSegment> lines(String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        List<TranscriptSegment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                segments.add(new TranscriptSegment(i * LINE_MS, (i + 1) * LINE_MS, lines[i].strip(), "text"));
            }
        }
        return segments;
    }

    private static String utf8(Path file) throws TranscriptionException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TranscriptionException(file + ": no such file");
        } catch (IOException e) {
            throw new TranscriptionException(file + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TranscriptionException(file + ": is not UTF-8 text (it looks like " + guessEncoding(bytes)
                    + "); convert it, e.g. iconv -f " + iconvName(bytes) + " -t UTF-8");
        }
    }

    /** A best guess for the message only: the common encodings of subtitles that are not UTF-8. */
    static String guessEncoding(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return "UTF-16";
        }
        String cp1251 = new String(bytes, Charset.forName("windows-1251"));
        long cyrillic = cp1251.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)
                .count();
        long high = 0;
        for (byte b : bytes) {
            high += (b & 0x80) != 0 ? 1 : 0;
        }
        return high > 0 && cyrillic * 10 >= high * 9 ? "windows-1251 (Cyrillic)" : "a single-byte encoding such as windows-1252";
    }

    private static String iconvName(byte[] bytes) {
        String guess = guessEncoding(bytes);
        return guess.startsWith("UTF-16") ? "UTF-16" : guess.startsWith("windows-1251") ? "WINDOWS-1251" : "WINDOWS-1252";
    }
}
