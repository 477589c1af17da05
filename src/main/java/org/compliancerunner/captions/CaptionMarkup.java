package org.compliancerunner.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Caption styling: what a viewer reads once it is removed, and which tags a format does not define. SubRip players
 * know b, i, u and font tags and the {\anN} position override; WebVTT knows b, i, u, c, v, lang, ruby, rt and inline
 * timestamps, and no override blocks.
 */
public final class CaptionMarkup {

    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern ASS_OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SRT_TAG = Pattern.compile("</?(b|i|u)>|<font(\\s[^>]*)?>|</font>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRT_OVERRIDE = Pattern.compile("\\{\\\\an[1-9]}");
    private static final Pattern VTT_TAG = Pattern.compile(
            "</?(b|i|u|ruby|rt)(\\.[\\w.-]+)?>|<(c|v|lang)(\\.[\\w.-]+)?(\\s[^>]*)?>|</(c|v|lang)>"
                    + "|<(\\d+:)?[0-5]\\d:[0-5]\\d\\.\\d{3}>");

    private CaptionMarkup() {
    }

    /** The line without tags and override blocks, entities decoded, spaces collapsed. */
    public static String plain(String line) {
        String text = ASS_OVERRIDE.matcher(TAG.matcher(line).replaceAll("")).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** The tags and override blocks in {@code line} that {@code format} does not define; empty when all are allowed. */
    public static List<String> notAllowed(String format, String line) {
        List<String> found = new ArrayList<>();
        if (!CaptionTrack.SRT.equals(format) && !CaptionTrack.VTT.equals(format)) {
            return found; // embedded streams arrive already rendered to text by FFmpeg
        }
        Pattern allowedTag = CaptionTrack.SRT.equals(format) ? SRT_TAG : VTT_TAG;
        Matcher tags = TAG.matcher(line);
        while (tags.find()) {
            if (!allowedTag.matcher(tags.group()).matches()) {
                found.add(tags.group());
            }
        }
        Matcher overrides = ASS_OVERRIDE.matcher(line);
        while (overrides.find()) {
            if (!(CaptionTrack.SRT.equals(format) && SRT_OVERRIDE.matcher(overrides.group()).matches())) {
                found.add(overrides.group());
            }
        }
        return found;
    }
}
