package org.compliancerunner.media.technical;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.compliancerunner.captions.CaptionTrackJson;
import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.media.silence.AudioLevels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stored measurements, one row per video, replaced as a whole so a retried chunk never leaves a mix. */
@Repository
public class MeasurementStore {

    private final JdbcClient jdbc;
    private final MeasurementsJson json;
    private final JsonMapper mapper;

    public MeasurementStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.json = new MeasurementsJson(mapper);
    }

    public void replace(long videoId, Measurements measured) {
        Loudness loudness = measured.loudness();
        AudioLevels levels = measured.levels();
        FlashReport flash = measured.flash();
        jdbc.sql("DELETE FROM measurements WHERE video_id = :id").param("id", videoId).update();
        jdbc.sql("""
                        INSERT INTO measurements (video_id, integrated_lufs, loudness_range_lu, true_peak_dbtp, momentary_max,
                            short_term_max, loudness_timeline, levels_step_ms, levels_duration_ms, levels, black_intervals, freeze_intervals,
                            flash_verdict, flash, speech_intervals, speech_gated_lufs, caption_track, notes)
                        VALUES (:id, :integrated, :range, :peak, :momentary, :shortTerm, :timeline, :step, :levelsMs,
                            :levels, :black, :freeze, :verdict, :flash, :speech, :speechGated, :captions, :notes)""")
                .param("id", videoId)
                .param("integrated", loudness == null ? null : loudness.integrated())
                .param("range", loudness == null ? null : loudness.range())
                .param("peak", loudness == null ? null : loudness.truePeak())
                .param("momentary", loudness == null ? null : loudness.momentaryMax())
                .param("shortTerm", loudness == null ? null : loudness.shortTermMax())
                .param("timeline", loudness == null ? null : json.text(json.levels(loudness.timeline())))
                .param("step", levels == null ? null : levels.stepMs())
                .param("levelsMs", levels == null ? null : levels.durationMs())
                .param("levels", levels == null ? null : bytes(levels.peakDb()))
                .param("black", measured.black() == null ? null : json.text(json.intervals(measured.black())))
                .param("freeze", measured.freeze() == null ? null : json.text(json.intervals(measured.freeze())))
                .param("verdict", flash == null ? null : flash.verdict().name())
                .param("flash", flash == null ? null : json.text(json.flash(flash)))
                .param("speech", measured.speech() == null ? null : json.text(json.intervals(measured.speech())))
                .param("speechGated", loudness == null || !loudness.speechGatedMeasured() ? null : loudness.speechGatedIntegrated())
                .param("captions", measured.captions() == null ? null
                        : json.text(CaptionTrackJson.write(mapper, measured.captions())))
                .param("notes", json.text(measured.notes()))
                .update();
    }

    public Optional<Measurements> find(long videoId) {
        return jdbc.sql("SELECT * FROM measurements WHERE video_id = :id").param("id", videoId)
                .query((rs, n) -> read(rs)).optional();
    }

    private Measurements read(ResultSet rs) throws SQLException {
        Loudness loudness = rs.getObject("integrated_lufs") == null ? null : new Loudness(
                rs.getDouble("integrated_lufs"), rs.getDouble("loudness_range_lu"), rs.getDouble("true_peak_dbtp"),
                rs.getDouble("momentary_max"), rs.getDouble("short_term_max"), MeasurementsJson.levels(json.tree(rs.getString("loudness_timeline"))),
                rs.getObject("speech_gated_lufs") == null ? Double.NaN : rs.getDouble("speech_gated_lufs"));
        AudioLevels levels = rs.getBytes("levels") == null ? null
                : new AudioLevels(rs.getInt("levels_step_ms"), floats(rs.getBytes("levels")), rs.getLong("levels_duration_ms"));
        String black = rs.getString("black_intervals");
        String freeze = rs.getString("freeze_intervals");
        String flash = rs.getString("flash");
        String speech = rs.getString("speech_intervals");
        String captions = rs.getString("caption_track");
        List<String> notes = new ArrayList<>();
        json.tree(rs.getString("notes")).forEach(note -> notes.add(note.asString()));
        return new Measurements(loudness, levels, black == null ? null : MeasurementsJson.intervals(json.tree(black)),
                freeze == null ? null : MeasurementsJson.intervals(json.tree(freeze)),
                flash == null ? null : MeasurementsJson.flash(json.tree(flash)),
                speech == null ? null : MeasurementsJson.intervals(json.tree(speech)),
                captions == null ? null : CaptionTrackJson.read(json.tree(captions)), notes);
    }

    private static byte[] bytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

}
