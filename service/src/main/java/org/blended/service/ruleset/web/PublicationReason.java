package org.blended.service.ruleset.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Why a policy owner publishes or rolls back: required, so that the version history says why the
 * rules changed, and short enough for the history to keep whole.
 */
record PublicationReason(String reason) {

    static final int LONGEST = 1000;

    /** The reason, stripped; refused (400) when missing, blank or too long, saying what to send. */
    static String required(String reason, String step) {
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

    private static ErrorResponseException refused(String detail) {
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.BAD_REQUEST);
        refused.setTitle("A reason is required");
        refused.setDetail(detail);
        return refused;
    }
}
