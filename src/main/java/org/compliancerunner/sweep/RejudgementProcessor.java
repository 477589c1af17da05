package org.compliancerunner.sweep;

import java.util.List;

import org.compliancerunner.catalog.JudgedVideo;
import org.compliancerunner.media.technical.MeasurementStore;
import org.compliancerunner.policy.PolicyEngine;
import org.compliancerunner.policy.RulePack;
import org.compliancerunner.policy.Trigger;
import org.compliancerunner.policy.TriggerStore;
import org.compliancerunner.speech.Transcript;
import org.compliancerunner.speech.TranscriptStore;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Judges a stored video again from its stored transcript and measurements: no decoding, no transcription. */
class RejudgementProcessor implements ItemProcessor<JudgedVideo, Rejudgement> {

    private final TranscriptStore transcripts;
    private final MeasurementStore measurements;
    private final TriggerStore triggers;
    private final PolicyEngine policy;
    private final ReevaluationLog log;
    private final RulePack pack;
    private final long jobInstanceId;

    RejudgementProcessor(TranscriptStore transcripts, MeasurementStore measurements, TriggerStore triggers,
                         PolicyEngine policy, ReevaluationLog log, RulePack pack, long jobInstanceId) {
        this.transcripts = transcripts;
        this.measurements = measurements;
        this.triggers = triggers;
        this.policy = policy;
        this.log = log;
        this.pack = pack;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public @Nullable Rejudgement process(JudgedVideo video) {
        if (log.contains(jobInstanceId, video.id())) {
            return null; // judged before a restart
        }
        Transcript transcript = video.transcriptSource() == null
                ? Transcript.unavailable("no speech source was found when the video was checked")
                : new Transcript(video.transcriptSource(), transcripts.find(video.id()), null);
        long durationMs = video.durationMs() == null ? 0 : video.durationMs();
        List<Trigger> now = policy.evaluate(pack, transcript, measurements.find(video.id()).orElse(null), durationMs);
        List<Trigger> before = video.packName() == null ? List.of()
                : triggers.find(video.id(), video.packName(), video.packVersion());
        return new Rejudgement(video, now, TriggerDiff.between(before, now));
    }
}
