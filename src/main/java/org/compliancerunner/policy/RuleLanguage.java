package org.compliancerunner.policy;

import java.util.Locale;

import org.compliancerunner.language.Languages;
import org.jspecify.annotations.Nullable;

/** Reads a pack's or a rule's {@code language:} and refuses codes that are unknown or have no analyzer. */
final class RuleLanguage {

    private RuleLanguage() {
    }

    /** The code ("ru", "auto"…), null when absent, or null with a problem when it cannot be used. */
    static @Nullable String read(PackFields fields, String key) {
        if (!fields.has(key)) {
            return null;
        }
        String text = fields.text(key);
        if (text == null) {
            return null;
        }
        // a full BCP 47 tag (ru-RU, en-GB) is judged by its primary language
        String code = text.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (code.equals(Languages.AUTO) || Languages.isSupported(code)) {
            return code;
        }
        if (Languages.isLanguageCode(code)) {
            String name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
            fields.problemAt(key, "no analyzer for language \"" + text + "\" (" + name + "); supported: auto, "
                    + String.join(", ", Languages.supported()));
        } else {
            fields.problemAt(key, "unknown language code \"" + text + "\"; use auto or a BCP 47 primary tag such as "
                    + "ru or en (supported: " + String.join(", ", Languages.supported()) + ")");
        }
        return null;
    }
}
