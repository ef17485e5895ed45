package org.blended.service.application;

import org.blended.service.decision.ApplicationNotFoundException;
import org.blended.service.decision.ApplicationView;
import org.blended.service.decision.StoredApplication;
import org.blended.service.decision.StoredApplicationRepository;
import java.util.UUID;

import org.blended.service.decision.DecisionRepository;
import org.blended.service.decision.DecisionView;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.settlement.FinalDecisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stored applications and decisions for the API, always within one lender: the lender is
 * part of every query, so another lender's application is simply not found.
 */
@Service
@Transactional(readOnly = true)
public class ApplicationQueries {

    private final StoredApplicationRepository applications;
    private final DecisionRepository decisions;
    private final ReviewCases cases;
    private final FinalDecisions finalDecisions;

    public ApplicationQueries(StoredApplicationRepository applications, DecisionRepository decisions, ReviewCases cases,
                              FinalDecisions finalDecisions) {
        this.applications = applications;
        this.decisions = decisions;
        this.cases = cases;
        this.finalDecisions = finalDecisions;
    }

    ApplicationDetail detail(UUID lenderId, UUID id) {
        ApplicationView view = application(lenderId, id);
        return new ApplicationDetail(view, cases.ofApplication(id).orElse(null), finalDecisions.ofApplication(id).orElse(null));
    }

    public ApplicationView application(UUID lenderId, UUID id) {
        StoredApplication stored = applications.findByIdAndLenderId(id, lenderId)
                .orElseThrow(() -> new ApplicationNotFoundException(id));
        return ApplicationView.of(stored, decision(lenderId, id));
    }

    public DecisionView decision(UUID lenderId, UUID applicationId) {
        return decisions.findByApplicationIdAndLenderId(applicationId, lenderId).map(DecisionView::of)
                .orElseThrow(() -> new ApplicationNotFoundException(applicationId));
    }
}
