package org.compliancerunner.media.technical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.compliancerunner.media.flash.FlashDetector;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.media.loudness.LoudnessMeter;
import org.compliancerunner.media.picture.BlackDetector;
import org.compliancerunner.media.picture.FreezeDetector;
import org.compliancerunner.media.silence.SilenceMeter;
import org.compliancerunner.media.voice.VoiceActivityDetector;
import org.compliancerunner.media.voice.VoiceActivityModel;
import org.compliancerunner.media.AudioFormat;
import org.compliancerunner.media.Interval;
import org.compliancerunner.media.MediaInfo;
import org.compliancerunner.media.MediaListener;
import org.compliancerunner.media.Picture;
import org.jspecify.annotations.Nullable;

/**
 * The technical analyzers of one video, all listening to its one decode pass: loudness, peak levels and the speech
 * map when it has sound; black, freeze and flash when it has pictures. What cannot be measured is said in the notes.
 */
public final class TechnicalAnalysis implements AutoCloseable {

    private final @Nullable LoudnessMeter loudness;
    private final @Nullable SilenceMeter levels;
    private final @Nullable BlackDetector black;
    private final @Nullable FreezeDetector freeze;
    private final @Nullable FlashDetector flash;
    private final @Nullable VoiceActivityDetector voice;
    private final Progress progress;
    private final List<String> notes = new ArrayList<>();

    private TechnicalAnalysis(MediaInfo info, @Nullable VoiceActivityModel voiceModel) {
        boolean sound = info.hasAudio();
        boolean pictures = info.hasVideo();
        loudness = sound ? new LoudnessMeter() : null;
        levels = sound ? new SilenceMeter() : null;
        black = pictures ? new BlackDetector() : null;
        freeze = pictures ? new FreezeDetector() : null;
        flash = pictures ? new FlashDetector() : null;
        progress = new Progress(pictures);
        voice = sound && voiceModel != null ? voiceModel.detector().orElse(null) : null;
        if (!sound) {
            notes.add("no audio stream: loudness, true peak, silence and speech were not measured");
        } else if (voiceModel == null) {
            notes.add("speech map not measured");
        } else if (voice == null) {
            notes.add(voiceModel.unavailable());
        }
        if (!pictures) {
            notes.add("no video stream: black, frozen picture and flashes were not measured");
        }
    }

    /** The analyzers for a probed file, with no speech map. */
    public static TechnicalAnalysis of(MediaInfo info) {
        return new TechnicalAnalysis(info, null);
    }

    /** The analyzers for a probed file, the speech map from the voice-activity model. */
    public static TechnicalAnalysis of(MediaInfo info, VoiceActivityModel voice) {
        return new TechnicalAnalysis(info, voice);
    }

    /** The listeners to add to the decode pass. */
    public List<MediaListener> listeners() {
        List<MediaListener> listeners = new ArrayList<>();
        listeners.add(progress);
        for (MediaListener analyzer : new MediaListener[] {loudness, levels, voice, black, freeze, flash}) {
            if (analyzer != null) {
                listeners.add(analyzer);
            }
        }
        return listeners;
    }

    /** What was measured once the decode pass ended. */
    public Measurements measurements() {
        return collect(List.copyOf(notes));
    }

    /** What was measured up to where decoding stopped, for a file that could not be decoded to its end. */
    public Measurements measurementsUntilFailure(String reason) {
        long reachedMs = progress.reachedMs();
        for (MediaListener analyzer : listeners()) {
            analyzer.onEnd(reachedMs);
        }
        List<String> all = new ArrayList<>(notes);
        all.add(String.format(Locale.ROOT, "measured only the first %.1f s: %s", reachedMs / 1000.0, reason));
        return collect(all);
    }

    private Measurements collect(List<String> allNotes) {
        // a sound track none of whose packets decoded is not silence: measuring it would report -inf LUFS
        boolean soundDecoded = loudness != null && progress.audioFrames > 0;
        if (loudness != null && !soundDecoded) {
            allNotes = new ArrayList<>(allNotes);
            allNotes.add("audio could not be decoded: loudness, true peak, silence and speech were not measured");
        }
        List<Interval> speech = soundDecoded && voice != null ? voice.segments() : null;
        if (soundDecoded && voice != null && voice.failure() != null) {
            allNotes = new ArrayList<>(allNotes);
            allNotes.add(voice.failure());
        }
        return new Measurements(
                soundDecoded ? speechGated(loudness, speech) : null,
                soundDecoded ? levels.levels() : null,
                black == null ? null : black.intervals(),
                freeze == null ? null : freeze.intervals(),
                flash == null ? null : flash.report(),
                speech,
                allNotes);
    }

    private static Loudness speechGated(LoudnessMeter meter, @Nullable List<Interval> speech) {
        Loudness programme = meter.result();
        return speech == null ? programme : programme.withSpeechGated(meter.integratedOver(speech));
    }

    @Override
    public void close() {
        if (voice != null) {
            voice.close();
        }
    }

    /** How far the decode pass got, so analyzers can be closed where a broken file stopped. */
    private static final class Progress implements MediaListener {
        private final boolean pictures;
        private long audioFrames;
        private int sampleRate;
        private long lastPictureMs;

        Progress(boolean pictures) {
            this.pictures = pictures;
        }

        @Override
        public boolean wantsAudio() {
            return true;
        }

        @Override
        public boolean wantsVideo() {
            return pictures;
        }

        @Override
        public void onAudio(AudioFormat format, float[] samples, int frames) {
            sampleRate = format.sampleRate();
            audioFrames += frames;
        }

        @Override
        public void onPicture(Picture picture) {
            lastPictureMs = picture.timestampMs();
        }

        long reachedMs() {
            long audioMs = sampleRate > 0 ? audioFrames * 1000 / sampleRate : 0;
            return Math.max(audioMs, lastPictureMs);
        }
    }
}
