package org.blended.service.decision;

import java.time.Instant;
import java.util.List;

import org.blended.integration.submission.Submission;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.MeasureValue;

/** A submission read and assessed, with the lender's measure values the rules saw, ready to be stored. */
public record Assessed(Submission submission, Application application, Assessment assessment, String ruleSetVersion,
                       List<MeasureValue> lenderValues, Instant receivedAt, long evaluationMicros) {

    public String reference() {
        return application.getLenderReference();
    }
}
