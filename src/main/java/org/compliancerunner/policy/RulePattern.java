package org.compliancerunner.policy;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regex rule's pattern, compiled once for RE2/J, which matches in time linear in the text: no pattern in a pack can
 * hang a sweep. It keeps the meaning rule authors had with Java's engine: case-insensitive, accents folded like the
 * text, and {@code \w \d \b} over Unicode letters and digits, not ASCII only. Constructs that need backtracking
 * (backreferences, lookaround, possessive quantifiers, atomic groups) are refused with a hint, never approximated.
 *
 * <p>RE2's own {@code \b} knows ASCII words only. It is exact on text whose word characters are all ASCII, so that
 * text gets it; on other text each {@code \b} is an empty group whose position is checked after the match, and a
 * match failing the check is tried once more leftmost-longest before the search moves on.
 */
final class RulePattern {

    /** Where a match lies in the folded text, {@code end} exclusive. */
    record Span(int start, int end) {
    }

    /** A pattern the engine cannot run, with the reason and a hint for the author. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final String LINEAR = "patterns run in linear time (RE2 syntax)";
    private static final String WORD = "\\p{L}\\p{M}\\p{Nd}\\p{Nl}\\p{Pc}";
    private static final String MARKER = "crb";

    private final String source;
    /** The pattern with RE2's own, ASCII, word boundaries: exact on text whose word characters are all ASCII. */
    private final Pattern ascii;
    /** Word boundaries as empty named groups, each checked against Unicode words after the match; null without any. */
    private final Pattern marked;
    /** The same, leftmost-longest: the second try where a lazy run stopped short of a word's end. */
    private final Pattern markedLongest;
    private final List<Boolean> markerIsBoundary;

    private RulePattern(String source, Pattern ascii, Pattern marked, Pattern markedLongest,
                        List<Boolean> markerIsBoundary) {
        this.source = source;
        this.ascii = ascii;
        this.marked = marked;
        this.markedLongest = markedLongest;
        this.markerIsBoundary = List.copyOf(markerIsBoundary);
    }

    /** Compiles a pattern as written in a pack; its accents are folded like the text it is matched against. */
    static RulePattern compile(String pattern) throws Refused {
        String folded = FoldedText.foldAccents(pattern);
        Translation native_ = translate(folded, false);
        try {
            Pattern ascii = Pattern.compile(native_.pattern(), Pattern.CASE_INSENSITIVE);
            Pattern marked = null;
            Pattern markedLongest = null;
            if (!native_.boundaries().isEmpty()) {
                String withMarkers = translate(folded, true).pattern();
                marked = Pattern.compile(withMarkers, Pattern.CASE_INSENSITIVE);
                markedLongest = Pattern.compile(withMarkers, Pattern.CASE_INSENSITIVE | Pattern.LONGEST_MATCH);
            }
            return new RulePattern(pattern, ascii, marked, markedLongest, native_.boundaries());
        } catch (PatternSyntaxException e) {
            String fragment = e.getPattern() == null ? "" : e.getPattern();
            // RE2/J quotes the case-insensitive flag it adds itself; the author never wrote it
            if (fragment.startsWith("(?i)") && !folded.startsWith("(?i)")) {
                fragment = fragment.substring(4);
            }
            String what = fragment.isEmpty() ? "" : " in `" + fragment + "`";
            throw new Refused("invalid regular expression (RE2 syntax): " + e.getDescription() + what);
        }
    }

    String source() {
        return source;
    }

    /** Non-empty matches, left to right and not overlapping, as {@code java.util.regex.Matcher.find} gives them. */
    List<Span> find(String text) {
        boolean unicodeWords = marked != null && hasNonAsciiWordCharacter(text);
        Matcher matcher = (unicodeWords ? marked : ascii).matcher(text);
        Matcher longest = unicodeWords ? markedLongest.matcher(text) : null;
        List<Span> found = new ArrayList<>();
        int from = 0;
        while (from <= text.length() && matcher.find(from)) {
            int start = matcher.start();
            int end = matcher.end();
            if (unicodeWords && !boundariesHold(matcher, text)) {
                if (longest.find(start) && longest.start() == start && boundariesHold(longest, text)) {
                    end = longest.end();
                } else {
                    from = next(text, start);
                    continue;
                }
            }
            if (end > start) {
                found.add(new Span(start, end));
            }
            from = end > start ? end : next(text, end);
        }
        return found;
    }

    /** Whether the pattern matches empty text, so it would flag everything. */
    boolean matchesEmpty() {
        Matcher matcher = ascii.matcher("");
        return matcher.matches();
    }

    private boolean boundariesHold(Matcher matcher, String text) {
        for (int i = 0; i < markerIsBoundary.size(); i++) {
            int at = matcher.start(MARKER + i);
            if (at >= 0 && isBoundary(text, at) != markerIsBoundary.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static int next(String text, int index) {
        return index < text.length() ? index + Character.charCount(text.codePointAt(index)) : index + 1;
    }

    // Java's \b with UNICODE_CHARACTER_CLASS: a word character on exactly one side
    private static boolean isBoundary(String text, int at) {
        boolean before = at > 0 && isWordCharacter(text.codePointBefore(at));
        boolean after = at < text.length() && isWordCharacter(text.codePointAt(at));
        return before != after;
    }

    static boolean isWordCharacter(int cp) {
        return Character.isLetterOrDigit(cp) || Character.isAlphabetic(cp) || FoldedText.isMark(cp)
                || Character.getType(cp) == Character.CONNECTOR_PUNCTUATION;
    }

    private static boolean hasNonAsciiWordCharacter(String text) {
        return text.codePoints().anyMatch(cp -> cp > 127 && isWordCharacter(cp));
    }

    /** The pattern in RE2 syntax; {@code boundaries} lists each \b (true) or \B (false) in order. */
    private record Translation(String pattern, List<Boolean> boundaries) {
    }

    /**
     * Rewrites Java's Unicode classes into RE2's and refuses what RE2 cannot run. With {@code markers}, each \b or \B
     * becomes an empty named group whose position is checked afterwards, because RE2's own \b knows only ASCII.
     */
    private static Translation translate(String p, boolean markers) throws Refused {
        StringBuilder out = new StringBuilder(p.length() + 16);
        List<Boolean> boundaries = new ArrayList<>();
        boolean inClass = false;
        boolean afterQuantifier = false;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            boolean quantifier = false;
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw new Refused("invalid regular expression: the pattern ends with a lone backslash; write \\\\ for one");
                }
                char e = p.charAt(i + 1);
                if (e == 'Q') {
                    int close = p.indexOf("\\E", i + 2);
                    int end = close < 0 ? p.length() : close + 2;
                    out.append(p, i, end);
                    i = end;
                    afterQuantifier = false;
                    continue;
                }
                out.append(escape(p, i, e, inClass, markers, boundaries));
                i += 2;
                if ((e == 'p' || e == 'P' || e == 'x') && i < p.length() && p.charAt(i) == '{') {
                    int close = p.indexOf('}', i);
                    int end = close < 0 ? p.length() : close + 1;
                    out.append(p, i, end);
                    i = end;
                }
            } else if (inClass) {
                if (c == '[' && !p.startsWith("[:", i)) {
                    throw new Refused("a [ inside a character class (a nested class) is not supported in RE2 syntax, at index "
                            + i + "; escape it as \\[ or write the classes side by side: [a-z0-9]");
                }
                if (c == '&' && p.startsWith("&&", i)) {
                    throw new Refused("character class intersection (&&) is not supported in RE2 syntax, at index " + i
                            + "; list the characters the class should keep instead");
                }
                if (c == ']' && !classJustOpened(p, i)) {
                    inClass = false;
                }
                out.append(c);
                i++;
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
            } else if (c == '(') {
                refuseGroup(p, i);
                out.append(c);
                i++;
            } else if (c == '*' || c == '+' || c == '?') {
                if (afterQuantifier && c == '+') {
                    throw possessive(p, i);
                }
                // a ? after a quantifier makes it lazy, which RE2 runs; after "(" it opens a group kind, handled there
                quantifier = !afterQuantifier;
                out.append(c);
                i++;
            } else if (c == '{' && repetitionEnd(p, i) > 0) {
                int end = repetitionEnd(p, i);
                out.append(p, i, end);
                i = end;
                quantifier = true;
            } else {
                out.append(c);
                i++;
            }
            afterQuantifier = quantifier;
        }
        return new Translation(out.toString(), boundaries);
    }

    private static String escape(String p, int at, char e, boolean inClass, boolean markers, List<Boolean> boundaries)
            throws Refused {
        if (e >= '1' && e <= '9' || e == 'k' && p.startsWith("<", at + 2)) {
            throw new Refused("backreferences (" + p.substring(at, Math.min(p.length(), at + 2))
                    + ") are not supported: " + LINEAR + "; repeat the group's text instead");
        }
        switch (e) {
            case 'w':
                return inClass ? WORD : "[" + WORD + "]";
            case 'W':
                if (inClass) {
                    throw new Refused("\\W inside a character class is not supported in RE2 syntax, at index " + at
                            + "; use \\W outside the class, or a negated class [^\\w…]");
                }
                return "[^" + WORD + "]";
            case 'd':
                return "\\p{Nd}";
            case 'D':
                return "\\P{Nd}";
            case 'b':
            case 'B':
                if (inClass) {
                    throw new Refused("\\" + e + " inside a character class is not supported, at index " + at
                            + "; a word boundary is not a character");
                }
                boundaries.add(e == 'b');
                return markers ? "(?P<" + MARKER + (boundaries.size() - 1) + ">)" : "\\" + e;
            case 'G':
            case 'Z':
            case 'R':
            case 'X':
            case 'h':
            case 'H':
            case 'V':
                String hint = e == 'Z' ? "use \\z or $" : e == 'R' ? "use \\s" : e == 'h' ? "use a space or \\s"
                        : "rewrite the pattern without it";
                throw new Refused("\\" + e + " is not supported in RE2 syntax, at index " + at + "; " + hint);
            default:
                return "\\" + e;
        }
    }

    private static void refuseGroup(String p, int at) throws Refused {
        if (p.startsWith("(?=", at) || p.startsWith("(?!", at)) {
            throw new Refused("lookaround is not supported: " + LINEAR + "; rewrite without " + p.substring(at, at + 3)
                    + "…), e.g. match the following words too");
        }
        if (p.startsWith("(?<=", at) || p.startsWith("(?<!", at)) {
            throw new Refused("lookaround is not supported: " + LINEAR + "; rewrite without " + p.substring(at, at + 4)
                    + "…), e.g. match the preceding words too");
        }
        if (p.startsWith("(?>", at)) {
            throw new Refused("atomic groups (?>…) are not supported: " + LINEAR
                    + ", so nothing backtracks; write a plain group (?:…)");
        }
    }

    private static Refused possessive(String p, int at) {
        String quantifier = p.substring(at - 1, at + 1);
        return new Refused("possessive quantifiers (" + quantifier + ") are not supported: " + LINEAR
                + ", so nothing backtracks anyway; write " + quantifier.charAt(0) + " without the +");
    }

    // "]" first in a class ("[]a]" or "[^]a]") is a literal, as in Java and RE2
    private static boolean classJustOpened(String p, int at) {
        return p.charAt(at - 1) == '[' && !isEscaped(p, at - 1)
                || p.charAt(at - 1) == '^' && at >= 2 && p.charAt(at - 2) == '[' && !isEscaped(p, at - 2);
    }

    private static boolean isEscaped(String p, int at) {
        int backslashes = 0;
        for (int j = at - 1; j >= 0 && p.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The index after "{n}", "{n,}" or "{n,m}" at {@code at}, or 0 when the brace is a literal. */
    private static int repetitionEnd(String p, int at) {
        int j = at + 1;
        int digits = 0;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
            digits++;
        }
        if (digits == 0) {
            return 0;
        }
        if (j < p.length() && p.charAt(j) == ',') {
            j++;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
            }
        }
        return j < p.length() && p.charAt(j) == '}' ? j + 1 : 0;
    }
}
