package org.blended.service.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the newest-first list ended: the last row's received time and id. Opaque to
 * callers (base64url), so its form can change; keyset paging stays exact and cheap at any depth.
 */
record SearchCursor(Instant receivedAt, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((receivedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a {@code next} answered, or an invalid-parameter refusal naming {@code after}. */
    static SearchCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 2) {
                return new SearchCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            // told below, in the caller's terms
        }
        throw InvalidParameter.of("after", "must be the next value of an earlier page, unchanged; it was " + text);
    }
}
