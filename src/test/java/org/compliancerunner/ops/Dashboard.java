package org.compliancerunner.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The PromQL queries of a Grafana dashboard file, from every panel, rows' panels included. */
final class Dashboard {

    private Dashboard() {
    }

    static List<String> queries(Path file) {
        JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
        List<String> queries = new ArrayList<>();
        collect(dashboard.path("panels"), queries);
        if (queries.isEmpty()) {
            throw new AssertionError(file + " has no panel with a PromQL query");
        }
        return queries;
    }

    private static void collect(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(target.get("expr").asString());
                }
            }
            collect(panel.path("panels"), queries);
        }
    }
}
