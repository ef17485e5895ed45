package org.blended.service.review.settlement;

/** Told of a final decision inside the transaction that stores it (the publishing outbox). */
public interface FinalDecisionListener {

    void recorded(FinalDecision decision);
}
