package org.blended.service.review.people;

import java.util.UUID;

/** A lender's officer signed in to the pages: everything they read or write is confined to their lender. */
public record Officer(String username, UUID lenderId, boolean senior) {
}
