package org.compliancerunner.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Machine output: one JSON object per line. */
@Component
class JsonOutput {

    // looked up on the first line: a command without --json never builds the mapper
    private final Supplier<JsonMapper> mapper;

    @Autowired
    JsonOutput(ObjectProvider<JsonMapper> mapper) {
        this.mapper = mapper::getObject;
    }

    JsonOutput(JsonMapper mapper) {
        this.mapper = () -> mapper;
    }

    void line(PrintWriter out, Object value) {
        out.println(mapper.get().writeValueAsString(value));
        out.flush();
    }

    /** An ordered map from alternating keys and values; null values are kept as JSON null. */
    static Map<String, @Nullable Object> object(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) Objects.requireNonNull(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return map;
    }
}
