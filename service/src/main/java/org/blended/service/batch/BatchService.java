package org.blended.service.batch;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.UUID;

import org.blended.integration.batch.BatchBusyException;
import org.blended.integration.batch.BatchChunk;
import org.blended.integration.batch.BatchFormat;
import org.blended.integration.batch.BatchIntake;
import org.blended.integration.batch.BatchStart;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.SubmissionResult;
import org.blended.rules.assessment.Outcome;
import org.blended.service.intake.IntakeService;
import org.blended.service.database.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches: each chunk's decisions, refusals and counts are committed together, so the counts are
 * exact while the batch runs, are the same from every instance, and a resumed batch starts
 * after the last chunk committed.
 */
@Service
class BatchService implements BatchIntake {

    private static final Logger log = LoggerFactory.getLogger(BatchService.class);
    /** Progress is logged about this often (in rows), and at the end. */
    private static final int LOG_EVERY_ROWS = 1000;

    /** Chunks read and being assessed, not yet stored, per batch this instance works on (at most two). */
    private final Map<UUID, Deque<Waiting>> waiting = new ConcurrentHashMap<>();
    /** Assesses the next chunk while the route thread stores the one before. */
    private final ExecutorService assessing = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "batch-assessment");
        thread.setDaemon(true);
        return thread;
    });

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final IntakeService intake;
    private final Clock clock;
    private final BatchLease lease;

    BatchService(JdbcTemplate jdbc, TransactionTemplate transaction, IntakeService intake, Clock clock, BatchLease lease) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.intake = intake;
        this.clock = clock;
        this.lease = lease;
    }

    /** A batch posted to the API, on record before its first row is read so that it can be asked about at once. */
    public void receive(UUID batchId, UUID lenderId, String source, BatchFormat format, long sizeBytes) {
        jdbc.update("""
                insert into batch (id, lender_id, channel, source, format, status, received_at, bytes_total, bytes_read)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                batchId, lenderId, Channel.REST.name(), source, format.name(), BatchStatus.RECEIVED.name(),
                Timestamp.from(clock.instant()), sizeBytes);
    }

    /**
     * Claims the batch for this instance: a new one, one received and waiting, or one whose
     * claim has lapsed (its instance stopped). A batch another instance is working on is left to it.
     */
    @Override
    public int open(BatchStart start) {
        Integer done = TransientFailures.retryable("Opening batch " + start.batchId(), () -> transaction.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update("""
                    insert into batch (id, lender_id, channel, source, format, status, received_at, bytes_total)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    start.batchId(), start.lenderId(), start.channel().name(), start.source(), start.format().name(),
                    BatchStatus.RECEIVED.name(), now, start.sizeBytes());
            jdbc.update("update batch set bytes_total = ? where id = ? and bytes_total is null", start.sizeBytes(),
                    start.batchId());
            // A batch failed because its file was not to be found (by an instance that does not share this one's
            // folders) is resumed when its file turns up after all.
            int claimed = jdbc.update("""
                    update batch set status = ?, claimed_by = ?, claimed_until = ?, failure = null, finished_at = null
                    where id = ? and (status = ? or (status = ? and (claimed_by = ? or claimed_until < ?))
                                      or (status = ? and failure like ?))""",
                    BatchStatus.RUNNING.name(), lease.instance(), lease.until(), start.batchId(),
                    BatchStatus.RECEIVED.name(), BatchStatus.RUNNING.name(), lease.instance(), now,
                    BatchStatus.FAILED.name(), AbandonedBatches.FILE_GONE + "%");
            var row = jdbc.queryForMap("select status, rows_read, claimed_by from batch where id = ?", start.batchId());
            if (claimed == 0 && BatchStatus.RUNNING.name().equals(row.get("status"))) {
                return null;
            }
            // A batch already finished (the same file dropped again) is read past to its end, changing nothing.
            return claimed == 0 ? FINISHED : (Integer) row.get("rows_read");
        }));
        waiting.remove(start.batchId()); // whatever an interrupted run left waiting is read again
        if (done == null) {
            throw new BatchBusyException("batch " + start.batchId() + " is being worked on by another instance");
        }
        if (done != FINISHED) {
            lease.hold(start.batchId());
        }
        log.info("Batch {} ({} {}) started on {}", start.batchId(), start.format(), start.source(), lease.instance());
        return done;
    }

    /**
     * Pipelined: the chunk is read and assessed in the background while the chunk before it is
     * stored, so the rules and the database work at the same time. Chunks are still stored one
     * after another in row order, so a resumed batch starts after the last one stored; a chunk
     * whose store failed stays waiting and is stored when the route tries again.
     */
    @Override
    public void submitChunk(BatchChunk chunk) {
        Deque<Waiting> queue = waiting.computeIfAbsent(chunk.batchId(), id -> new ArrayDeque<>());
        if (queue.isEmpty() || queue.peekLast().chunk() != chunk) { // not when the route retries this chunk
            List<IntakeService.BatchRowSubmission> rows = chunk.rows().stream()
                    .map(row -> new IntakeService.BatchRowSubmission(chunk.submission(row), row.unreadable())).toList();
            queue.addLast(new Waiting(chunk, CompletableFuture.supplyAsync(() -> intake.prepare(rows), assessing)));
        }
        while (queue.size() > 1) {
            store(queue.peekFirst());
            queue.removeFirst();
        }
    }

    private void store(Waiting next) {
        BatchChunk chunk = next.chunk();
        IntakeService.Prepared prepared;
        try {
            prepared = next.prepared().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        intake.store(prepared, results -> count(chunk, results));
        if (chunk.lastRow() / LOG_EVERY_ROWS != (chunk.lastRow() - chunk.rows().size()) / LOG_EVERY_ROWS) {
            jdbc.query("select decided, already_decided, rejected from batch where id = ?", rs -> {
                log.info("Batch {}: {} rows read, {} decided ({} before), {} rejected", chunk.batchId(), chunk.lastRow(),
                        rs.getInt(1), rs.getInt(2), rs.getInt(3));
            }, chunk.batchId());
        }
    }

    private void storeWaiting(UUID batchId) {
        Deque<Waiting> queue = waiting.get(batchId);
        while (queue != null && !queue.isEmpty()) {
            store(queue.peekFirst());
            queue.removeFirst();
        }
        waiting.remove(batchId);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        assessing.shutdownNow(); // what it was assessing is read again when the batch resumes
    }

    private record Waiting(BatchChunk chunk, CompletableFuture<IntakeService.Prepared> prepared) {
    }

    /** Counts the chunk into its batch, in the transaction that stores it, while this instance holds the batch. */
    private void count(BatchChunk chunk, List<SubmissionResult> results) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int decided = 0;
        int before = 0;
        for (SubmissionResult r : results) {
            if (r.isDecided()) {
                decided++;
                outcomes.merge(r.outcome(), 1, Integer::sum);
                before += r.alreadyDecided() ? 1 : 0;
            }
        }
        int counted = jdbc.update("""
                update batch set rows_read = ?, decided = decided + ?, already_decided = already_decided + ?,
                    rejected = rejected + ?, approved = approved + ?, approved_with_conditions = approved_with_conditions + ?,
                    referred = referred + ?, declined = declined + ?, claimed_until = ?, bytes_read = ?
                where id = ? and claimed_by = ? and status = ?""",
                chunk.lastRow(), decided, before, results.size() - decided,
                outcomes.getOrDefault(Outcome.APPROVE, 0), outcomes.getOrDefault(Outcome.APPROVE_WITH_CONDITIONS, 0),
                outcomes.getOrDefault(Outcome.REFER, 0), outcomes.getOrDefault(Outcome.DECLINE, 0),
                lease.until(), chunk.bytesRead(), chunk.batchId(), lease.instance(), BatchStatus.RUNNING.name());
        if (counted == 0) { // the claim lapsed and another instance took over: its count stands, not ours
            throw new BatchBusyException("batch " + chunk.batchId() + " was taken over by another instance");
        }
    }

    @Override
    public void finish(UUID batchId, int totalRows) {
        storeWaiting(batchId);
        TransientFailures.retryable("Finishing batch " + batchId, () -> jdbc.update("""
                update batch set status = ?, total_rows = ?, rows_read = ?, finished_at = ?, claimed_until = null,
                    bytes_read = bytes_total
                where id = ? and status = ? and claimed_by = ?""",
                BatchStatus.COMPLETED.name(), totalRows, totalRows, Timestamp.from(clock.instant()), batchId,
                BatchStatus.RUNNING.name(), lease.instance()));
        lease.release(batchId);
        jdbc.query("select decided, already_decided, rejected from batch where id = ?", rs -> {
            log.info("Batch {} completed: {} rows, {} decided ({} before), {} rejected", batchId, totalRows,
                    rs.getInt(1), rs.getInt(2), rs.getInt(3));
        }, batchId);
    }

    @Override
    public void fail(UUID batchId, int rowsRead, String reason) {
        waiting.remove(batchId);
        lease.release(batchId);
        TransientFailures.retryable("Recording the failure of batch " + batchId, () -> jdbc.update("""
                update batch set status = ?, failure = ?, finished_at = ?, claimed_until = null where id = ? and status in (?, ?)""",
                BatchStatus.FAILED.name(), reason, Timestamp.from(clock.instant()), batchId,
                BatchStatus.RECEIVED.name(), BatchStatus.RUNNING.name()));
        log.warn("Batch {} failed after row {}: {}", batchId, rowsRead, reason);
    }

    @Override
    public void leave(UUID batchId) {
        waiting.remove(batchId);
        lease.release(batchId);
    }
}
