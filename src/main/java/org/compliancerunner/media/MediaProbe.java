package org.compliancerunner.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Tells media from non-media, and reads what streams a media file has, without decoding it. */
@Component
public class MediaProbe {

    /**
     * The container format FFmpeg recognises from the first bytes of the file, or null when it is not audio or
     * video (text, still images, subtitles, playlists, an empty file). Only the head is read, so a file whose
     * tail is missing is still recognised: it is media that turns out broken, not "not media".
     *
     * @throws UncheckedIOException when the file cannot be read at all
     */
    public @Nullable String sniff(Path file) {
        try {
            String demuxer = FormatSniffer.recognise(FormatSniffer.head(file));
            return demuxer != null && FormatSniffer.isAudioOrVideo(demuxer) ? demuxer : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The container recognised from the file's first bytes, as {@link #sniff} does, with the content type to serve it
     * with and the extension to store it under; empty when it is not audio or video.
     *
     * @throws UncheckedIOException when the file cannot be read at all
     */
    public Optional<Container> container(Path file) {
        try {
            byte[] head = FormatSniffer.head(file);
            String demuxer = FormatSniffer.recognise(head);
            return demuxer != null && FormatSniffer.isAudioOrVideo(demuxer)
                    ? Optional.of(Container.of(demuxer, head)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the container and reads its streams without decoding them.
     *
     * @throws MediaException when FFmpeg cannot open it, with FFmpeg's reason in words
     */
    public MediaInfo probe(Path file) throws MediaException {
        try (OpenedMedia media = OpenedMedia.open(file)) {
            return media.info();
        }
    }
}
