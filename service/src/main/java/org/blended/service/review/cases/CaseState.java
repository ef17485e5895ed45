package org.blended.service.review.cases;

/** Where a review case stands: waiting for an officer, with one, waiting for a second approval, or settled. */
public enum CaseState {
    OPEN, ASSIGNED, AWAITING_APPROVAL, DECIDED
}
