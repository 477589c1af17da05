package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.compliancerunner.captions.CaptionMarkup;
import org.compliancerunner.captions.CaptionProblem;
import org.compliancerunner.captions.CaptionTrack;
import org.compliancerunner.captions.Cue;
import org.jspecify.annotations.Nullable;

/**
 * Judges a caption track's cues against a {@link CaptionQualityRule}: one trigger per cue at its time, naming every
 * limit it breaks with the measured value ("reading speed 95 cps > 17"), and one per line of the file that could not
 * be read.
 */
final class CaptionQuality {

    // a file where every cue fails still gives an operator a reviewable list, not tens of thousands of findings
    static final int MAX_TRIGGERS = 500;

    private CaptionQuality() {
    }

    static List<Trigger> of(CaptionQualityRule rule, @Nullable CaptionTrack track, long durationMs) {
        if (track == null || !track.present() || !track.readable()) {
            return List.of();
        }
        String source = "captions:" + track.format();
        List<Trigger> triggers = new ArrayList<>();
        for (CaptionProblem problem : track.problems()) {
            long at = timeBefore(track.cues(), problem.line());
            triggers.add(new Trigger(rule.id(), at, at, rule.severity(),
                    track.origin() + " " + problem.describe(), source));
        }
        List<Cue> cues = track.cues().stream().sorted(Comparator.comparingLong(Cue::startMs)).toList();
        boolean linesKnown = !CaptionTrack.EMBEDDED.equals(track.format());
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            List<String> found = cueProblems(rule, track, cue, linesKnown, durationMs);
            Cue next = i + 1 < cues.size() ? cues.get(i + 1) : null;
            if (next != null) {
                long gapMs = next.startMs() - cue.endMs();
                if (gapMs < 0) {
                    found.add("overlaps the next cue" + (next.line() > 0 ? " (line " + next.line() + ")" : "") + " by "
                            + seconds(-gapMs, 3) + " s");
                } else {
                    long gapFrames = Math.round(gapMs * track.frameRate() / 1000.0);
                    if (gapFrames < rule.minGapFrames()) {
                        found.add("gap to the next cue " + gapFrames + " frame(s) (" + gapMs + " ms at "
                                + number(track.frameRate(), 2) + " fps) < " + rule.minGapFrames());
                    }
                }
            }
            if (!found.isEmpty()) {
                triggers.add(new Trigger(rule.id(), cue.startMs(), cue.endMs(), rule.severity(),
                        label(cue) + ": " + String.join("; ", found), source));
            }
        }
        return capped(rule, triggers, source);
    }

    private static List<String> cueProblems(CaptionQualityRule rule, CaptionTrack track, Cue cue, boolean linesKnown,
                                            long durationMs) {
        List<String> found = new ArrayList<>();
        if (durationMs > 0 && cue.startMs() >= durationMs) {
            found.add("starts at " + seconds(cue.startMs(), 3) + " s, after the media ends at "
                    + seconds(durationMs, 3) + " s");
        }
        List<String> plain = cue.plainLines();
        if (plain.isEmpty()) {
            found.add("empty cue (no text)");
            return found;
        }
        for (String line : cue.lines()) {
            List<String> markup = CaptionMarkup.notAllowed(track.format(), line);
            if (!markup.isEmpty()) {
                found.add("markup " + String.join(" ", markup) + " is not allowed in " + track.format().toUpperCase(Locale.ROOT));
                break;
            }
        }
        double shown = cue.durationMs() / 1000.0;
        if (shown < rule.minSeconds()) {
            found.add("shown " + seconds(cue.durationMs(), 2) + " s < " + number(rule.minSeconds(), 2) + " s");
        } else if (shown > rule.maxSeconds()) {
            found.add("shown " + seconds(cue.durationMs(), 2) + " s > " + number(rule.maxSeconds(), 2) + " s");
        }
        if (linesKnown && plain.size() > rule.maxLines()) {
            found.add(plain.size() + " lines > " + rule.maxLines());
        }
        int longest = linesKnown ? plain.stream().mapToInt(CaptionQuality::characters).max().orElse(0) : 0;
        if (longest > rule.maxLineLength()) {
            found.add("line of " + longest + " characters > " + rule.maxLineLength());
        }
        int characters = plain.stream().mapToInt(CaptionQuality::characters).sum();
        if (cue.durationMs() > 0) {
            double cps = characters / shown;
            if (cps > rule.maxCharsPerSecond()) {
                found.add("reading speed " + number(cps) + " cps > " + number(rule.maxCharsPerSecond()));
            }
        }
        return found;
    }

    /** "cue at line 12" in a file; a cue of an embedded stream has no line, so its time names it. */
    static String label(Cue cue) {
        return cue.line() > 0 ? "cue at line " + cue.line() : "cue at " + seconds(cue.startMs(), 3) + " s";
    }

    /** Characters as a reader counts them: code points, spaces and punctuation included. */
    static int characters(String line) {
        return line.codePointCount(0, line.length());
    }

    /** The start of the last cue before {@code line}, so a problem sits near where it is in the programme. */
    private static long timeBefore(List<Cue> cues, int line) {
        long at = 0;
        for (Cue cue : cues) {
            if (cue.line() > line) {
                break;
            }
            at = cue.startMs();
        }
        return at;
    }

    private static List<Trigger> capped(CaptionQualityRule rule, List<Trigger> triggers, String source) {
        if (triggers.size() <= MAX_TRIGGERS) {
            return triggers;
        }
        List<Trigger> kept = new ArrayList<>(triggers.subList(0, MAX_TRIGGERS - 1));
        List<Trigger> rest = triggers.subList(MAX_TRIGGERS - 1, triggers.size());
        long from = rest.stream().mapToLong(Trigger::startMs).min().orElse(0);
        long to = rest.stream().mapToLong(Trigger::endMs).max().orElse(from);
        kept.add(new Trigger(rule.id(), from, Math.max(from, to), rule.severity(), rest.size()
                + " more cue(s) or lines with problems, from " + seconds(from, 3) + " s; the first is "
                + rest.get(0).evidence(), source));
        return kept;
    }

    static String seconds(long millis, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", millis / 1000.0);
    }

    /** A value as a limit is written: 17, 0.83, 23.98. */
    static String number(double value) {
        return number(value, 1);
    }

    static String number(double value, int decimals) {
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
