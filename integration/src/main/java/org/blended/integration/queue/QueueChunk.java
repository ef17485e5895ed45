package org.blended.integration.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.blended.integration.submission.ApplicationIntake;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.IntakeRoutes;
import org.blended.integration.submission.Submission;
import org.blended.integration.submission.SubmissionResult;
import org.blended.integration.submission.TransientIntakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a chunk of queued messages together, and when the chunk cannot be stored for a reason
 * that will not pass, stores each message alone: one message the chunk cannot hold must not take
 * its valid neighbours to the dead-letter queue with it. Only a message that cannot be stored
 * even alone is left without a record (and dead-lettered, so it is kept).
 */
final class QueueChunk {

    private static final Logger log = LoggerFactory.getLogger(QueueChunk.class);

    private QueueChunk() {
    }

    /** One result per message, in order; a message stored neither way has a result that is not decided. */
    static List<SubmissionResult> submit(ApplicationIntake intake, List<Exchange> messages) {
        List<Submission> submissions = messages.stream().map(QueueChunk::submission).toList();
        try {
            return intake.submitAll(submissions);
        } catch (TransientIntakeException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("A chunk of {} messages could not be stored together; storing each alone", submissions.size(), e);
        }
        List<SubmissionResult> results = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            try {
                results.add(intake.submitAll(List.of(submission)).get(0));
            } catch (TransientIntakeException e) {
                throw e; // the whole chunk goes back on the queue; what is stored already is answered as decided before
            } catch (RuntimeException e) {
                String reference = UUID.randomUUID().toString();
                log.error("Could not store {} even alone (reference {}); dead-lettered", submission.source(), reference, e);
                results.add(SubmissionResult.refused(null, "not stored because of an error on our side (reference "
                        + reference + ")"));
            }
        }
        return results;
    }

    private static Submission submission(Exchange message) {
        return new Submission(message.getMessage().getBody(byte[].class), Channel.QUEUE,
                message.getMessage().getHeader(IntakeRoutes.SOURCE, String.class),
                message.getMessage().getHeader(IntakeRoutes.LENDER, UUID.class));
    }
}
