package org.compliancerunner.speech;

import java.util.regex.Pattern;

/**
 * The words of an ASS event as FFmpeg's subtitle decoders give it:
 * {@code ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text}, the text carrying override tags.
 */
final class AssDialogue {

    private static final int FIELDS_BEFORE_TEXT = 8;

    // \N is a hard line break, \n a soft one and \h a non-breaking space: all are spaces between words.
    private static final Pattern BREAK = Pattern.compile("\\\\[Nnh]");

    private AssDialogue() {
    }

    static String spokenText(String event) {
        // The text is the last field and may itself contain commas, so split only the leading ones off.
        String[] fields = event.split(",", FIELDS_BEFORE_TEXT + 1);
        String text = fields.length > FIELDS_BEFORE_TEXT ? fields[FIELDS_BEFORE_TEXT] : "";
        return CaptionParser.clean(BREAK.matcher(text).replaceAll(" "));
    }
}
