package org.compliancerunner.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.compliancerunner.captions.CaptionProblem;
import org.compliancerunner.captions.CaptionReader;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.captions.Cue;
import org.compliancerunner.media.MediaInfo;
import org.jspecify.annotations.Nullable;

/**
 * Takes what is said from captions: a sidecar {@code .srt} or {@code .vtt} beside the media (same base name, or
 * with a language suffix such as {@code clip.en.srt}), else the first embedded text subtitle stream.
 */
public final class CaptionTranscriber implements Transcriber {

    static final String SRT = "captions:srt";
    static final String VTT = "captions:vtt";
    static final String EMBEDDED = "captions:embedded";

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");

    private final EmbeddedCaptions embedded;

    public CaptionTranscriber(Duration extractionTimeout) {
        this.embedded = new EmbeddedCaptions(extractionTimeout);
    }

    @Override
    public String name() {
        return "captions";
    }

    /** Whether this video has captions to read, beside it or inside it. */
    public boolean hasCaptions(Path media, MediaInfo info) {
        return sidecar(media).isPresent() || info.subtitles() > 0;
    }

    @Override
    public TranscriptionSession open(Path media, MediaInfo info) throws TranscriptionException {
        return open(media, track(media, info));
    }

    /** A session on captions already read by {@link #track}, so they are not read twice. */
    TranscriptionSession open(Path media, CaptionTrack track) throws TranscriptionException {
        Transcript transcript = transcript(media, track);
        return () -> transcript;
    }

    /**
     * The captions this video carries as written: the sidecar, else the first embedded text stream. Never fails: a
     * file that cannot be read is a track with the problem, bitmap subtitles an unreadable track that says why.
     */
    public CaptionTrack track(Path media, MediaInfo info) {
        double frameRate = info.frameRate() > 0 ? info.frameRate() : CaptionTrack.DEFAULT_FRAME_RATE;
        Optional<Path> sidecar = sidecar(media);
        if (sidecar.isPresent()) {
            String format = isVtt(sidecar.get()) ? CaptionTrack.VTT : CaptionTrack.SRT;
            String name = sidecar.get().getFileName().toString();
            try {
                return CaptionReader.read(Files.readAllBytes(sidecar.get()), format, name, frameRate);
            } catch (IOException e) {
                return new CaptionTrack(format, name, true, frameRate, List.of(),
                        List.of(new CaptionProblem(0, "cannot read " + sidecar.get() + ": " + e.getMessage())));
            }
        }
        TranscriptionException firstFailure = null;
        int failedStream = 0;
        for (int stream = 0; stream < info.subtitles(); stream++) {
            try {
                List<Cue> cues = embedded.read(media, stream).stream().map(CaptionParser::cue).toList();
                return new CaptionTrack(CaptionTrack.EMBEDDED, "subtitle stream " + stream, true, frameRate, cues,
                        List.of());
            } catch (TranscriptionException e) {
                // A bitmap stream (DVD, PGS, DVB) cannot become text; a later stream may be text.
                if (firstFailure == null) {
                    firstFailure = e;
                    failedStream = stream;
                }
            }
        }
        return firstFailure == null ? CaptionTrack.none(frameRate)
                : CaptionTrack.unreadable("subtitle stream " + failedStream, frameRate, firstFailure.getMessage());
    }

    private Transcript transcript(Path media, CaptionTrack track) throws TranscriptionException {
        if (!track.present()) {
            return Transcript.unavailable("no captions beside " + media.getFileName()
                    + " (.srt or .vtt with the same name) and no subtitle stream in it");
        }
        if (!track.readable()) {
            throw new TranscriptionException(track.problems().get(0).message());
        }
        if (CaptionTrack.EMBEDDED.equals(track.format())) {
            return new Transcript(EMBEDDED, new CaptionParser(EMBEDDED).segments(track),
                    "captions from " + track.origin());
        }
        String source = CaptionTrack.VTT.equals(track.format()) ? VTT : SRT;
        return new Transcript(source, new CaptionParser(source).segments(track),
                CaptionParser.note("captions from " + track.origin(), track),
                languageTag(baseName(media), media.toAbsolutePath().resolveSibling(track.origin())));
    }

    /** The sidecar caption file: exact base name first, then the first with a language suffix, by name. */
    Optional<Path> sidecar(Path media) {
        Path dir = media.toAbsolutePath().getParent();
        String base = baseName(media);
        for (String extension : List.of(".srt", ".vtt", ".SRT", ".VTT")) {
            Path exact = dir.resolve(base + extension);
            if (Files.isRegularFile(exact)) {
                return Optional.of(exact);
            }
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            return siblings.filter(p -> isLanguageVariant(base, p.getFileName().toString()))
                    .filter(Files::isRegularFile).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isLanguageVariant(String base, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!name.startsWith(base + ".") || !(lower.endsWith(".srt") || lower.endsWith(".vtt"))) {
            return false;
        }
        String language = name.substring(base.length() + 1, name.length() - 4);
        return LANGUAGE.matcher(language).matches();
    }

    /** The language a sidecar's name declares ("clip.ru.srt" → "ru"), or null for "clip.srt". */
    static @Nullable String languageTag(String base, Path sidecar) {
        String name = sidecar.getFileName().toString();
        // "clip.srt" has no tag; only a longer name can be a language variant
        if (name.length() <= base.length() + 5 || !isLanguageVariant(base, name)) {
            return null;
        }
        return name.substring(base.length() + 1, name.length() - 4).split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }

    private static boolean isVtt(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vtt");
    }

    private static String baseName(Path media) {
        String name = media.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
