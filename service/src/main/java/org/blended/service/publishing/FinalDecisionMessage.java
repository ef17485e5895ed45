package org.blended.service.publishing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/**
 * What lenders' systems receive on the blended.decisions exchange when a person settles a decision
 * (AMQP type {@value #TYPE}; automated decisions are {@value DecisionPublisher#DECISION_TYPE}).
 */
record FinalDecisionMessage(String type, String lender, UUID applicationId, String lenderReference, UUID finalDecisionId,
                            Outcome automatedOutcome, Outcome outcome, List<String> conditions, String rationale,
                            String overrideReason, String direction, String decidedBy, String approvedBy, Instant decidedAt) {

    static final String TYPE = "blended.final-decision";
}
