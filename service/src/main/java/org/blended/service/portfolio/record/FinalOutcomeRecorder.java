package org.blended.service.portfolio.record;

import org.blended.service.review.settlement.FinalDecision;
import org.blended.service.review.settlement.FinalDecisionListener;
import org.springframework.stereotype.Component;

/**
 * A person's final decision moves its application from the counters of the outcome it was counted
 * under (the automated one) to those of the person's outcome, in the transaction that stores it.
 */
@Component
class FinalOutcomeRecorder implements FinalDecisionListener {

    private final StoredRow stored;
    private final PortfolioWriter writer;

    FinalOutcomeRecorder(StoredRow stored, PortfolioWriter writer) {
        this.stored = stored;
        this.writer = writer;
    }

    @Override
    public void recorded(FinalDecision decision) {
        String outcome = decision.outcome().name();
        stored.of(decision.applicationId()).filter(c -> !c.finalOutcome().equals(outcome)).ifPresent(counted -> {
            Counts counts = new Counts();
            counts.decision(counted.row(), counted.finalOutcome(), -1);
            counts.decision(counted.row(), outcome, 1);
            writer.add(counts);
            writer.finalOutcome(decision.applicationId(), outcome);
        });
    }
}
