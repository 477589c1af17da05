package org.compliancerunner.cli;

import org.compliancerunner.inspection.TimeLimitedInspection;
import org.compliancerunner.inspection.VideoInspection;
import org.compliancerunner.inspection.VideoTimeout;
import org.compliancerunner.media.MediaDecoder;
import org.compliancerunner.media.MediaProbe;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.media.voice.VoiceActivityProperties;
import org.compliancerunner.metrics.ProcessingMetrics;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePackParser;
import org.compliancerunner.speech.SpeechEngines;
import org.compliancerunner.speech.SpeechProperties;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Import;
import picocli.spring.boot.autoconfigure.PicocliAutoConfiguration;

/**
 * The commands that need no database, {@code analyze}, {@code rules} and {@code samples}, on their own: only the
 * decode, speech and policy beans, no job repository. An editor's check or a CI gate should not start PostgreSQL or
 * write under $COMPLIANCE_HOME.
 *
 * @see CommandContexts
 */
@Import({MediaProbe.class, MediaDecoder.class, VoiceActivityModel.class, SpeechEngines.class, PolicyEngine.class,
        RulePackParser.class, VideoInspection.class, TimeLimitedInspection.class, ProcessingMetrics.class, JsonOutput.class,
        AnalyzeCommand.class, RulesCommand.class, RulesCommand.Validate.class, RulesTestCommand.class, SamplesCommand.class})
@EnableConfigurationProperties({SpeechProperties.class, VoiceActivityProperties.class, VideoTimeout.class})
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        JacksonAutoConfiguration.class, PicocliAutoConfiguration.class})
public final class StandaloneCommands {

    private StandaloneCommands() {
    }
}
