package org.blended.service.ruleset.source;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Test Scenario cell as people read it, not as the file holds it. */
public final class ScenarioCells {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALUE = "value";

    private ScenarioCells() {
    }

    /**
     * A map cell as its keys with their values ("F1: F1-GREEN; I3: none"), a list cell as its items
     * ("a, b"), any other as it is. The scenario editor keeps each item as {@code {"value": ...}}.
     */
    public static String shown(String raw) {
        JsonNode cell = raw == null || !(raw.startsWith("{") || raw.startsWith("[")) ? null : json(raw);
        if (cell instanceof ObjectNode keys) {
            List<String> parts = new ArrayList<>();
            keys.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + text(e.getValue())));
            return String.join("; ", parts);
        }
        if (cell instanceof ArrayNode items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(text(item)));
            return String.join(", ", parts);
        }
        return raw;
    }

    private static String text(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.has(VALUE) && node.get(VALUE).isValueNode()
                ? node.get(VALUE).asText() : node.toString();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
