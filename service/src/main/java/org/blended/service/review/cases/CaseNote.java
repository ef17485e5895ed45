package org.blended.service.review.cases;

import java.time.Instant;

/** A note on a case, timestamped and signed; notes are added, never changed. */
public record CaseNote(String writtenBy, Instant writtenAt, String text) {
}
