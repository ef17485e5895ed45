package org.blended.service.application;

import java.time.Instant;

import org.blended.integration.intake.Submission;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;

/** A submission read and assessed, ready to be stored. */
public record Assessed(Submission submission, Application application, Assessment assessment, String ruleSetVersion,
                       Instant receivedAt, long evaluationMicros) {

    public String reference() {
        return application.getLenderReference();
    }
}
