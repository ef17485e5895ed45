package org.blended.service.publishing;

import java.time.Instant;
import java.util.UUID;

import org.blended.integration.submission.Channel;
import org.blended.service.decision.DecisionView;

/** What lenders' systems receive on the blended.decisions exchange for each decision. */
record DecisionMessage(String lender, UUID applicationId, String lenderReference, Channel channel,
                              Instant receivedAt, String assessmentLink, DecisionView decision) {
}
