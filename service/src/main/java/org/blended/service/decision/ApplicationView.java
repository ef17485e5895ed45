package org.blended.service.decision;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.IntakeResult;
import org.blended.rules.assessment.Outcome;

/** An application with its decision, as the API shows it. */
public record ApplicationView(UUID applicationId, String lenderReference, Channel channel, Instant receivedAt,
                              String assessmentLink, @JsonRawValue String application, DecisionView decision,
                              Boolean alreadyDecided)
        implements IntakeResult {

    /** The path of the applicant's read-only page; the lender passes it on to the applicant. */
    public static String assessmentLink(StoredApplication stored) {
        return stored.getAccessToken() == null ? null : "/assessment/" + stored.getAccessToken();
    }

    public static ApplicationView of(StoredApplication stored, DecisionView decision) {
        return new ApplicationView(stored.getId(), stored.getLenderReference(), stored.getChannel(),
                stored.getReceivedAt(), assessmentLink(stored), stored.getPayload(), decision, null);
    }

    /** The answer to a second submission of the same reference: the first decision, flagged. */
    public ApplicationView asAlreadyDecided() {
        return new ApplicationView(applicationId, lenderReference, channel, receivedAt, assessmentLink, application,
                decision, true);
    }

    @Override
    public Outcome outcome() {
        return decision.outcome();
    }
}
