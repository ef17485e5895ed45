package org.blended.service.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every input of an application as the officer reads it: each field's path and value, in the order sent. */
final class ApplicationInputs {

    record Input(String field, String value) {
    }

    private ApplicationInputs() {
    }

    static List<Input> of(ObjectMapper json, String payload) {
        List<Input> inputs = new ArrayList<>();
        try {
            walk("", json.readTree(payload), inputs);
        } catch (JsonProcessingException e) {
            inputs.add(new Input("(stored application)", payload));
        }
        return inputs;
    }

    private static void walk(String path, JsonNode node, List<Input> inputs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), inputs);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                inputs.add(new Input(path, "(none)"));
            }
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + (i + 1) + "]", node.get(i), inputs);
            }
        } else if (!node.isNull()) {
            inputs.add(new Input(path, node.asText()));
        }
    }
}
