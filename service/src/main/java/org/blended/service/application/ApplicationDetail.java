package org.blended.service.application;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.blended.service.decision.ApplicationView;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.settlement.FinalDecision;

/**
 * An application with its automated decision and, beside it (never replacing it), the review case
 * and the final decision a person recorded, when there are.
 */
record ApplicationDetail(@JsonUnwrapped ApplicationView application, ReviewCase reviewCase, FinalDecision finalDecision) {
}
