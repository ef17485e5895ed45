package org.blended.service.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.blended.integration.submission.Channel;
import org.blended.rules.application.LegalForm;
import org.blended.rules.assessment.Outcome;

/**
 * One application in a list: enough to pick it out; its decision and reasons are one GET away.
 * {@code reviewState} is NONE without a review case; {@code finalOutcome} only once a person decided.
 */
record ApplicationSummary(UUID applicationId, String lenderReference, String legalName, LegalForm legalForm,
                          Channel channel, UUID batchId, Instant receivedAt, BigDecimal amount, Outcome outcome,
                          String reviewState, Outcome finalOutcome) {
}
