package org.compliancerunner.speech;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.compliancerunner.captions.CaptionMarkup;
import org.compliancerunner.captions.CaptionProblem;
import org.compliancerunner.captions.CaptionReader;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.captions.Cue;

/**
 * Turns caption cues into transcript segments: what a viewer reads, without markup. The file itself is read by
 * {@link CaptionReader}, as far as it can be; lines it could not read are named in the transcript's note.
 */
final class CaptionParser {

    // at most this many unreadable lines are spelled out in a transcript's note
    private static final int PROBLEMS_IN_NOTE = 3;

    private final String source;

    /** @param source the segment source to stamp, e.g. "captions:srt" */
    CaptionParser(String source) {
        this.source = source;
    }

    /** @param origin names the captions in problems, e.g. the file name */
    List<TranscriptSegment> parse(String content, String origin) {
        return segments(CaptionReader.read(content.getBytes(StandardCharsets.UTF_8), format(), origin, 0));
    }

    List<TranscriptSegment> segments(CaptionTrack track) {
        return track.cues().stream().filter(cue -> !cue.text().isEmpty())
                .map(cue -> new TranscriptSegment(cue.startMs(), cue.endMs(), cue.text(), source)).toList();
    }

    String format() {
        return source.endsWith("vtt") ? CaptionTrack.VTT : CaptionTrack.SRT;
    }

    /** "captions from clip.srt; 2 line(s) could not be read (line 6: …)", or the note alone when all was read. */
    static String note(String note, CaptionTrack track) {
        List<CaptionProblem> problems = track.problems();
        if (problems.isEmpty()) {
            return note;
        }
        StringBuilder text = new StringBuilder(note).append("; ").append(problems.size())
                .append(" problem(s) reading the captions (");
        for (int i = 0; i < Math.min(PROBLEMS_IN_NOTE, problems.size()); i++) {
            text.append(i == 0 ? "" : "; ").append(problems.get(i).describe());
        }
        return text.append(problems.size() > PROBLEMS_IN_NOTE ? "; …)" : ")").toString();
    }

    /** Removes styling (HTML-like tags, ASS overrides such as {\an8}) and decodes the entities captions use. */
    static String clean(String text) {
        return CaptionMarkup.plain(text);
    }

    /** A cue of an embedded stream, which FFmpeg gives as text already. */
    static Cue cue(TranscriptSegment segment) {
        return new Cue(0, null, segment.startMs(), segment.endMs(), List.of(segment.text()));
    }
}
