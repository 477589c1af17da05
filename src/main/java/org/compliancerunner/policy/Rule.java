package org.compliancerunner.policy;

/** One rule of a pack; {@link #kind()} is the pack's spelling, e.g. "phrase". */
public sealed interface Rule permits PhraseRule, NearRule, RegexRule, RequiredPhraseRule, LoudnessRule, TruePeakRule, BlackRule,
        FreezeRule, SilenceRule, FlashRule, CaptionQualityRule, UncaptionedSpeechRule, CaptionsRequiredRule, CaptionSyncRule {

    String id();

    String kind();

    Severity severity();
}
