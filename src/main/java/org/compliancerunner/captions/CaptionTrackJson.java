package org.compliancerunner.captions;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of a caption track, shared by the database column, {@code analyze --json} and the video API. */
public final class CaptionTrackJson {

    private CaptionTrackJson() {
    }

    public static ObjectNode write(JsonMapper json, CaptionTrack track) {
        ObjectNode node = json.createObjectNode();
        node.put("format", track.format());
        node.put("origin", track.origin());
        node.put("readable", track.readable());
        node.put("frameRate", track.frameRate());
        ArrayNode cues = node.putArray("cues");
        for (Cue cue : track.cues()) {
            ObjectNode item = cues.addObject().put("line", cue.line());
            if (cue.index() == null) {
                item.putNull("index");
            } else {
                item.put("index", cue.index());
            }
            item.put("startMs", cue.startMs()).put("endMs", cue.endMs());
            ArrayNode lines = item.putArray("lines");
            cue.lines().forEach(lines::add);
        }
        ArrayNode problems = node.putArray("problems");
        track.problems().forEach(problem -> problems.addObject().put("line", problem.line())
                .put("message", problem.message()));
        return node;
    }

    public static CaptionTrack read(JsonNode node) {
        List<Cue> cues = new ArrayList<>();
        node.get("cues").forEach(item -> {
            List<String> lines = new ArrayList<>();
            item.get("lines").forEach(line -> lines.add(line.asString()));
            JsonNode index = item.get("index");
            cues.add(new Cue(item.get("line").asInt(), index == null || index.isNull() ? null : index.asInt(),
                    item.get("startMs").asLong(), item.get("endMs").asLong(), lines));
        });
        List<CaptionProblem> problems = new ArrayList<>();
        node.get("problems").forEach(item -> problems.add(new CaptionProblem(item.get("line").asInt(),
                item.get("message").asString())));
        JsonNode format = node.get("format");
        JsonNode origin = node.get("origin");
        return new CaptionTrack(format == null || format.isNull() ? null : format.asString(),
                origin == null || origin.isNull() ? null : origin.asString(), node.get("readable").asBoolean(),
                node.get("frameRate").asDouble(), cues, problems);
    }
}
