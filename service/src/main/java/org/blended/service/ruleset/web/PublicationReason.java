package org.blended.service.ruleset.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Why a policy owner publishes or rolls back: required, so that the version history says why the
 * rules changed, and short enough for the history to keep whole. The API takes it as JSON or as a
 * form field, in one endpoint (two, split by content type, were ambiguous for a request with no body).
 */
record PublicationReason(String reason) {

    static final int LONGEST = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The reason from the form field, or else from the JSON body; stripped, and refused (400) when missing or too long. */
    static String required(String field, String body, String step) {
        String reason = field != null ? field : fromJson(body, step);
        if (reason == null || reason.isBlank()) {
            throw refused("Give a reason to " + step + ": it is kept in the version history. Send it as JSON "
                    + "{\"reason\": \"...\"} or as the form field reason.");
        }
        String stripped = reason.strip();
        if (stripped.length() > LONGEST) {
            throw refused("The reason to " + step + " is " + stripped.length() + " characters long; keep it to "
                    + LONGEST + ".");
        }
        return stripped;
    }

    private static String fromJson(String body, String step) {
        if (body == null || !body.strip().startsWith("{")) {
            return null; // no body, or a form's fields (read above)
        }
        try {
            JsonNode reason = JSON.readTree(body).path("reason");
            return reason.isTextual() ? reason.asText() : null;
        } catch (JsonProcessingException e) {
            throw refused("The body is not JSON: send the reason to " + step + " as {\"reason\": \"...\"}.");
        }
    }

    private static ErrorResponseException refused(String detail) {
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.BAD_REQUEST);
        refused.setTitle("A reason is required");
        refused.setDetail(detail);
        return refused;
    }
}
