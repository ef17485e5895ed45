package org.blended.service.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.integration.intake.Submission;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.service.assessment.Decision;
import org.blended.service.assessment.DecisionRepository;
import org.blended.service.assessment.DecisionView;
import org.blended.service.audit.DecisionChain;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores an application and its decision together, chained to the decision before: all or nothing. */
@Service
public class DecisionRecorder {

    private final StoredApplicationRepository applications;
    private final DecisionRepository decisions;
    private final DecisionChain chain;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public DecisionRecorder(StoredApplicationRepository applications, DecisionRepository decisions,
                            DecisionChain chain, ObjectMapper objectMapper, Clock clock) {
        this.applications = applications;
        this.decisions = decisions;
        this.chain = chain;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional
    public ApplicationView record(Submission submission, Application application, Assessment assessment,
                                  String ruleSetVersion, Instant receivedAt, long evaluationMicros) {
        var applicant = application.getApplicant();
        var request = application.getRequest();
        String payload = canonicalJson(application);
        StoredApplication stored = applications.save(new StoredApplication(submission.lenderId(),
                application.getLenderReference(), submission.channel(), submission.source(), applicant.getLegalName(),
                applicant.getLegalForm(), request.getType(), request.getAmount(), payload, receivedAt));
        // Taken last: the chain's head stays locked only from here to the commit.
        DecisionChain.Link link = chain.next();
        Decision decision = new Decision(stored.getId(), submission.lenderId(), assessment, ruleSetVersion,
                clock.instant().truncatedTo(ChronoUnit.MICROS), evaluationMicros, link.sequence(), link.previousHash());
        chain.append(decision, payload);
        decisions.save(decision);
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
