package org.blended.service.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.blended.integration.submission.InvalidSubmissionException;
import org.blended.integration.submission.StorableText;
import org.blended.integration.submission.Submission;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records refused submissions so that nothing submitted is lost, even when it is unreadable. */
@Service
class RejectionLog {

    /** Enough to see what was wrong; a huge payload is not worth keeping whole. */
    static final int MAX_PAYLOAD_BYTES = 64 * 1024;
    /** The source column's width. */
    private static final int MAX_SOURCE = 255;

    private final RejectionRepository rejections;

    public RejectionLog(RejectionRepository rejections) {
        this.rejections = rejections;
    }

    @Transactional
    public Rejection record(Submission submission, InvalidSubmissionException reason, Instant receivedAt) {
        return rejections.save(of(submission, reason, receivedAt));
    }

    /** A valid submission the rule set could not assess, with why. */
    @Transactional
    public Rejection record(Submission submission, String reason, Instant receivedAt) {
        return rejections.save(of(submission, reason, receivedAt));
    }

    /** The rejection to store, with the payload capped; for callers that store many in one transaction. */
    public static Rejection of(Submission submission, InvalidSubmissionException reason, Instant receivedAt) {
        return of(submission, reason.getMessage(), receivedAt);
    }

    public static Rejection of(Submission submission, String reason, Instant receivedAt) {
        byte[] payload = submission.payload() == null ? new byte[0] : submission.payload();
        boolean truncated = payload.length > MAX_PAYLOAD_BYTES;
        byte[] kept = truncated ? Arrays.copyOf(payload, MAX_PAYLOAD_BYTES) : payload;
        // PostgreSQL text cannot hold NUL characters, which a binary upload may contain.
        String text = new String(kept, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
        // The reason may quote what was sent, and the source is the sender's message id or file name.
        return new Rejection(submission.lenderId(), submission.channel(), StorableText.of(submission.source(), MAX_SOURCE),
                StorableText.of(reason), text, truncated, receivedAt, submission.batchId(), submission.batchRow());
    }
}
