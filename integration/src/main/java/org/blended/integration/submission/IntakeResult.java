package org.blended.integration.submission;

import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/** What the assessment route answers for an accepted submission. */
public interface IntakeResult {

    UUID applicationId();

    Outcome outcome();
}
