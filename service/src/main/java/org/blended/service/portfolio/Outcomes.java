package org.blended.service.portfolio;

import java.util.List;

/** Which outcomes count as approved: an approval with conditions is an approval. */
public final class Outcomes {

    public static final List<String> APPROVED = List.of("APPROVE", "APPROVE_WITH_CONDITIONS");

    private Outcomes() {
    }

    public static boolean approved(String outcome) {
        return APPROVED.contains(outcome);
    }
}
