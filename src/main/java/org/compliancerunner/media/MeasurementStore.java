package org.compliancerunner.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.flash.FlashVerdict;
import org.compliancerunner.media.flash.FrameResult;
import org.compliancerunner.media.loudness.Loudness;
import org.compliancerunner.media.silence.AudioLevels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Stored measurements, one row per video, replaced as a whole so a retried chunk never leaves a mix. */
@Repository
public class MeasurementStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public MeasurementStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void replace(long videoId, Measurements measured) {
        Loudness loudness = measured.loudness();
        AudioLevels levels = measured.levels();
        FlashReport flash = measured.flash();
        jdbc.sql("DELETE FROM measurements WHERE video_id = :id").param("id", videoId).update();
        jdbc.sql("""
                        INSERT INTO measurements (video_id, integrated_lufs, loudness_range_lu, true_peak_dbtp, momentary_max,
                            short_term_max, loudness_timeline, levels_step_ms, levels_duration_ms, levels, black_intervals, freeze_intervals,
                            flash_verdict, flash, notes)
                        VALUES (:id, :integrated, :range, :peak, :momentary, :shortTerm, :timeline, :step, :levelsMs,
                            :levels, :black, :freeze, :verdict, :flash, :notes)""")
                .param("id", videoId)
                .param("integrated", loudness == null ? null : loudness.integrated())
                .param("range", loudness == null ? null : loudness.range())
                .param("peak", loudness == null ? null : loudness.truePeak())
                .param("momentary", loudness == null ? null : loudness.momentaryMax())
                .param("shortTerm", loudness == null ? null : loudness.shortTermMax())
                .param("timeline", loudness == null ? null : text(numbers(loudness.timeline())))
                .param("step", levels == null ? null : levels.stepMs())
                .param("levelsMs", levels == null ? null : levels.durationMs())
                .param("levels", levels == null ? null : bytes(levels.peakDb()))
                .param("black", measured.black() == null ? null : text(intervals(measured.black())))
                .param("freeze", measured.freeze() == null ? null : text(intervals(measured.freeze())))
                .param("verdict", flash == null ? null : flash.verdict().name())
                .param("flash", flash == null ? null : text(flash(flash)))
                .param("notes", text(json.valueToTree(measured.notes())))
                .update();
    }

    public Optional<Measurements> find(long videoId) {
        return jdbc.sql("SELECT * FROM measurements WHERE video_id = :id").param("id", videoId)
                .query((rs, n) -> read(rs)).optional();
    }

    private Measurements read(ResultSet rs) throws SQLException {
        Loudness loudness = rs.getObject("integrated_lufs") == null ? null : new Loudness(
                rs.getDouble("integrated_lufs"), rs.getDouble("loudness_range_lu"), rs.getDouble("true_peak_dbtp"),
                rs.getDouble("momentary_max"), rs.getDouble("short_term_max"), doubles(tree(rs.getString("loudness_timeline"))));
        AudioLevels levels = rs.getBytes("levels") == null ? null
                : new AudioLevels(rs.getInt("levels_step_ms"), floats(rs.getBytes("levels")), rs.getLong("levels_duration_ms"));
        String black = rs.getString("black_intervals");
        String freeze = rs.getString("freeze_intervals");
        String flash = rs.getString("flash");
        List<String> notes = new ArrayList<>();
        tree(rs.getString("notes")).forEach(note -> notes.add(note.asString()));
        return new Measurements(loudness, levels, black == null ? null : intervals(tree(black)),
                freeze == null ? null : intervals(tree(freeze)), flash == null ? null : flash(tree(flash)), notes);
    }

    private ArrayNode numbers(List<Double> values) {
        ArrayNode array = json.createArrayNode();
        // JSON has no infinity: a silent second is null
        values.forEach(value -> array.add(Double.isFinite(value) ? json.getNodeFactory().numberNode(value) : json.nullNode()));
        return array;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(node -> values.add(node.isNull() ? Double.NEGATIVE_INFINITY : node.asDouble()));
        return values;
    }

    ArrayNode intervals(List<Interval> intervals) {
        ArrayNode array = json.createArrayNode();
        intervals.forEach(interval -> array.addArray().add(interval.startMs()).add(interval.endMs()));
        return array;
    }

    private static List<Interval> intervals(JsonNode array) {
        List<Interval> intervals = new ArrayList<>();
        array.forEach(pair -> intervals.add(new Interval(pair.get(0).asLong(), pair.get(1).asLong())));
        return intervals;
    }

    private ObjectNode flash(FlashReport report) {
        ObjectNode node = json.createObjectNode();
        node.put("verdict", report.verdict().name());
        ObjectNode frames = node.putObject("frames");
        report.frames().forEach((result, count) -> frames.put(result.name(), count));
        node.set("failures", intervals(report.failures()));
        node.put("maxLuminanceTransitions", report.maxLuminanceTransitions());
        node.put("maxRedTransitions", report.maxRedTransitions());
        return node;
    }

    private static FlashReport flash(JsonNode node) {
        Map<FrameResult, Integer> frames = new EnumMap<>(FrameResult.class);
        node.get("frames").properties().forEach(entry -> frames.put(FrameResult.valueOf(entry.getKey()), entry.getValue().asInt()));
        return new FlashReport(FlashVerdict.valueOf(node.get("verdict").asString()), frames, intervals(node.get("failures")),
                node.get("maxLuminanceTransitions").asInt(), node.get("maxRedTransitions").asInt());
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

    private String text(JsonNode node) {
        return json.writeValueAsString(node);
    }

    private JsonNode tree(String text) {
        return json.readTree(text);
    }
}
