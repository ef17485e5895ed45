package org.blended.service.application;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.integration.intake.Submission;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.service.assessment.Decision;
import org.blended.service.assessment.DecisionRepository;
import org.blended.service.assessment.DecisionView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores an application and its decision together: both or neither. */
@Service
public class DecisionRecorder {

    private final StoredApplicationRepository applications;
    private final DecisionRepository decisions;
    private final ObjectMapper objectMapper;

    public DecisionRecorder(StoredApplicationRepository applications, DecisionRepository decisions,
                            ObjectMapper objectMapper) {
        this.applications = applications;
        this.decisions = decisions;
        this.objectMapper = objectMapper;
    }

    @Transactional
    public ApplicationView record(Submission submission, Application application, Assessment assessment,
                                  String ruleSetVersion, Instant receivedAt, long evaluationMicros) {
        var applicant = application.getApplicant();
        var request = application.getRequest();
        StoredApplication stored = applications.save(new StoredApplication(application.getLenderReference(),
                submission.channel(), submission.source(), applicant.getLegalName(), applicant.getLegalForm(),
                request.getType(), request.getAmount(), canonicalJson(application), receivedAt));
        Decision decision = decisions.save(new Decision(stored.getId(), assessment, ruleSetVersion,
                Instant.now(), evaluationMicros));
        return ApplicationView.of(stored, DecisionView.of(decision));
    }

    /** The application as the rules saw it, so that a replay reads exactly the same input. */
    private String canonicalJson(Application application) {
        try {
            return objectMapper.writeValueAsString(application);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise application " + application.getLenderReference(), e);
        }
    }
}
