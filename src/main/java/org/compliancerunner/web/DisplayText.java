package org.compliancerunner.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * Text shown to other people as one line, such as a title: no control characters, and none of the invisible ones that
 * make text read differently from what it is (bidirectional overrides and isolates, zero-width characters), so that a
 * title cannot pose as another in lists, logs and review screens.
 */
@Documented
@Constraint(validatedBy = DisplayText.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface DisplayText {

    String message() default "must not contain control, bidirectional-control or zero-width characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a display text may not contain, and text with it taken out. */
    final class Characters {

        private Characters() {
        }

        /** Whether the code point is one a display text refuses. */
        public static boolean refused(int codePoint) {
            return Character.getType(codePoint) == Character.CONTROL
                    || codePoint == 0x061C                               // Arabic letter mark
                    || codePoint == 0x180E                               // Mongolian vowel separator
                    || codePoint >= 0x200B && codePoint <= 0x200F        // zero-width space, (non-)joiner, LRM, RLM
                    || codePoint >= 0x202A && codePoint <= 0x202E        // embeddings and overrides
                    || codePoint >= 0x2060 && codePoint <= 0x2064        // word joiner, invisible operators
                    || codePoint >= 0x2066 && codePoint <= 0x2069        // isolates
                    || codePoint == 0xFEFF;                              // zero-width no-break space
        }

        /** The text without the refused characters, for titles made from names the caller did not type as a title. */
        public static String strip(String text) {
            if (text == null) {
                return null;
            }
            StringBuilder kept = new StringBuilder(text.length());
            text.codePoints().filter(c -> !refused(c)).forEach(kept::appendCodePoint);
            return kept.toString();
        }
    }

    /** Absent text is left to {@code @NotNull}. */
    class Check implements ConstraintValidator<DisplayText, String> {

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().noneMatch(Characters::refused);
        }
    }
}
