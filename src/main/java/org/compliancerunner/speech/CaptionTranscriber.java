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

import org.compliancerunner.media.MediaInfo;

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
        Transcript transcript = read(media, info);
        return () -> transcript;
    }

    private Transcript read(Path media, MediaInfo info) throws TranscriptionException {
        Optional<Path> sidecar = sidecar(media);
        if (sidecar.isPresent()) {
            String source = isVtt(sidecar.get()) ? VTT : SRT;
            return new Transcript(source, new CaptionParser(source).parse(sidecar.get()),
                    "captions from " + sidecar.get().getFileName(), languageTag(baseName(media), sidecar.get()));
        }
        TranscriptionException firstFailure = null;
        for (int stream = 0; stream < info.subtitles(); stream++) {
            try {
                return new Transcript(EMBEDDED, embedded.read(media, stream), "captions from subtitle stream " + stream);
            } catch (TranscriptionException e) {
                // A bitmap stream (DVD, PGS, DVB) cannot become text; a later stream may be text.
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        return Transcript.unavailable("no captions beside " + media.getFileName()
                + " (.srt or .vtt with the same name) and no subtitle stream in it");
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
    static String languageTag(String base, Path sidecar) {
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
