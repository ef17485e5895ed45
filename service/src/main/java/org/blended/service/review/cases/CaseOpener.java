package org.blended.service.review.cases;

import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.service.decision.ApplicationView;
import org.blended.service.decision.RecordedDecisionListener;
import org.springframework.stereotype.Component;

/** Every REFER opens a case, in the transaction that records the decision: no referral waits unseen. */
@Component
class CaseOpener implements RecordedDecisionListener {

    private final ReviewCases cases;

    CaseOpener(ReviewCases cases) {
        this.cases = cases;
    }

    @Override
    public void recorded(UUID lenderId, List<ApplicationView> decided) {
        List<UUID> referred = decided.stream().filter(v -> v.outcome() == Outcome.REFER).map(ApplicationView::applicationId).toList();
        cases.openReferred(lenderId, referred);
    }
}
