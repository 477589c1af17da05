package org.compliancerunner.media.technical;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.compliancerunner.media.flash.FlashReport;
import org.compliancerunner.media.flash.FlashVerdict;
import org.compliancerunner.media.flash.FrameResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.compliancerunner.media.Interval;

/** The JSON shapes of measurements, shared by the database columns and the CLI's machine output. */
public final class MeasurementsJson {

    private final JsonMapper json;

    public MeasurementsJson(JsonMapper json) {
        this.json = json;
    }

    /** A loudness or level; JSON has no infinity, so silence is null. */
    public JsonNode level(double value) {
        return Double.isFinite(value) ? json.getNodeFactory().numberNode(value) : json.nullNode();
    }

    public ArrayNode levels(List<Double> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(value -> array.add(level(value)));
        return array;
    }

    public static List<Double> levels(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(node -> values.add(node.isNull() ? Double.NEGATIVE_INFINITY : node.asDouble()));
        return values;
    }

    /** Intervals as [[startMs, endMs], …]. */
    public ArrayNode intervals(List<Interval> intervals) {
        ArrayNode array = json.createArrayNode();
        intervals.forEach(interval -> array.addArray().add(interval.startMs()).add(interval.endMs()));
        return array;
    }

    public static List<Interval> intervals(JsonNode array) {
        List<Interval> intervals = new ArrayList<>();
        array.forEach(pair -> intervals.add(new Interval(pair.get(0).asLong(), pair.get(1).asLong())));
        return intervals;
    }

    public ObjectNode flash(FlashReport report) {
        ObjectNode node = json.createObjectNode();
        node.put("verdict", report.verdict().name());
        ObjectNode frames = node.putObject("frames");
        for (FrameResult result : FrameResult.values()) {
            frames.put(result.name(), report.frames().getOrDefault(result, 0));
        }
        node.set("failures", intervals(report.failures()));
        node.put("maxLuminanceTransitions", report.maxLuminanceTransitions());
        node.put("maxRedTransitions", report.maxRedTransitions());
        return node;
    }

    public static FlashReport flash(JsonNode node) {
        Map<FrameResult, Integer> frames = new EnumMap<>(FrameResult.class);
        node.get("frames").properties().forEach(entry -> {
            if (entry.getValue().asInt() > 0) {
                frames.put(FrameResult.valueOf(entry.getKey()), entry.getValue().asInt());
            }
        });
        return new FlashReport(FlashVerdict.valueOf(node.get("verdict").asString()), frames, intervals(node.get("failures")),
                node.get("maxLuminanceTransitions").asInt(), node.get("maxRedTransitions").asInt());
    }

    public String text(Object node) {
        return json.writeValueAsString(node);
    }

    public JsonNode tree(String text) {
        return json.readTree(text);
    }
}
