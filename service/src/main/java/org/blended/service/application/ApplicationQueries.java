package org.blended.service.application;

import java.util.UUID;

import org.blended.service.assessment.DecisionRepository;
import org.blended.service.assessment.DecisionView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored applications and decisions for the API. */
@Service
@Transactional(readOnly = true)
public class ApplicationQueries {

    private final StoredApplicationRepository applications;
    private final DecisionRepository decisions;

    public ApplicationQueries(StoredApplicationRepository applications, DecisionRepository decisions) {
        this.applications = applications;
        this.decisions = decisions;
    }

    public ApplicationView application(UUID id) {
        StoredApplication stored = applications.findById(id).orElseThrow(() -> new ApplicationNotFoundException(id));
        return ApplicationView.of(stored, decision(id));
    }

    public DecisionView decision(UUID applicationId) {
        return decisions.findByApplicationId(applicationId).map(DecisionView::of)
                .orElseThrow(() -> new ApplicationNotFoundException(applicationId));
    }
}
