package org.blended.service.review.cases;

import java.math.BigDecimal;

import org.blended.rules.assessment.Outcome;

/** A case as the queue lists it, with what an officer needs to pick the next one. */
record QueuedCase(ReviewCase reviewCase, String lenderReference, String legalName, BigDecimal amount,
                         Outcome automatedOutcome) {
}
