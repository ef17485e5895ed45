package org.blended.service.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The figures a page's charts draw, as a JSON data block: the pages' content security policy runs no
 * inline script, and a data block is not run.
 */
public final class ChartData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartData() {
    }

    public static String json(Object data) {
        try {
            // "<" only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the block
            return JSON.writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
