package org.blended.integration.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.blended.integration.submission.InvalidField;
import org.blended.integration.submission.InvalidSubmissionException;
import org.junit.jupiter.api.Test;

class RejectedFileNoteTest {

    @Test
    void anUnexpectedFailureIsNotedWithAReferenceNotWithWhatFailedInside() {
        String note = RejectedFileNote.describe("acme/app.json", new IllegalStateException(
                "could not execute batch [ERROR: invalid byte sequence for encoding \"UTF8\": 0x00] [insert into rejection "
                        + "(id, reason) values (?, ?)]; SQL [n/a]; nested exception is org.postgresql.util.PSQLException"));

        assertThat(note).startsWith("acme/app.json was not assessed because of an error on our side (reference ")
                .doesNotContain("insert into", "SQL", "org.postgresql", "Exception", "UTF8");
    }

    @Test
    void aRefusalQuotingTextNoFileCanHoldIsNotedWithTheTextEscaped() {
        String note = RejectedFileNote.describe("acme/app.json", new InvalidSubmissionException(
                List.of(new InvalidField("applicant.legalForm", "must be one of CIC (was \"a\u0000b\ud800\")"))));

        assertThat(note).contains("applicant.legalForm: must be one of CIC (was \"a\\u0000b\\ud800\")")
                .doesNotContain("\u0000");
    }
}
