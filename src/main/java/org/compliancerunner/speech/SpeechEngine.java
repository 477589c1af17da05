package org.compliancerunner.speech;

/** Which speech engine {@link SpeechEngines} uses; {@code AUTO} picks the best source each video has. */
public enum SpeechEngine {
    AUTO, CAPTIONS, WHISPER, OPENAI, NONE
}
