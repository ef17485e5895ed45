package org.blended.integration.intake;

import java.util.UUID;

import org.blended.rules.assessment.Outcome;

/** What the assessment route answers for an accepted submission. */
public interface IntakeResult {

    UUID applicationId();

    Outcome outcome();
}
