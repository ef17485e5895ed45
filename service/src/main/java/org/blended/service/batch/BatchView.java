package org.blended.service.batch;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.blended.integration.batch.BatchFormat;
import org.blended.integration.submission.Channel;
import org.blended.rules.assessment.Outcome;

/**
 * A batch's progress. {@code decided} counts rows that have a decision, including those whose
 * reference was decided before ({@code alreadyDecided}); {@code outcomes} counts them by outcome;
 * {@code rejected} rows are listed at {@code rejectionsLink}. {@code totalRows} is known once the
 * whole file has been read; until then {@code percentRead} tells how far into the file it is.
 */
record BatchView(UUID id, Channel channel, String source, BatchFormat format, BatchStatus status,
                        int rowsRead, Integer totalRows, Integer percentRead, int decided, int alreadyDecided, int rejected,
                        Map<Outcome, Integer> outcomes, String failure, Instant receivedAt, Instant finishedAt,
                        String rejectionsLink) {
}
