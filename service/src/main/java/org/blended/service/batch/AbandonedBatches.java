package org.blended.service.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.blended.integration.batch.BatchFormat;
import org.blended.integration.batch.BatchProperties;
import org.blended.integration.batch.DroppedBatch;
import org.blended.integration.file.FileIntakeProperties;
import org.blended.integration.submission.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Batches whose instance stopped (its claim lapsed) are either resumed or ended, never left
 * running for ever. While the batch's file is still there the intake routes read it again and
 * resume it; a dropped file's read-lock marker, left behind by the stopped instance, is removed
 * so that a running instance can read it too (a restarted one removes them itself). A batch whose
 * file is gone here cannot be resumed: it fails, saying how far it got (and is resumed after all
 * should its file turn up on an instance that keeps its files elsewhere). Checked at start and
 * every few seconds.
 */
@Component
class AbandonedBatches {

    private static final Logger log = LoggerFactory.getLogger(AbandonedBatches.class);
    /** The marker Camel's read lock writes beside a file while an instance reads it. */
    private static final String READ_LOCK_MARKER = ".camelLock";
    private static final Duration MOST_EVERY = Duration.ofSeconds(5);
    /** How the failure of a batch whose file was gone begins: one whose file turns up again is resumed. */
    static final String FILE_GONE = "The batch's file is gone";

    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "abandoned-batches");
        thread.setDaemon(true);
        return thread;
    });

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BatchLease lease;
    private final Path spool;
    private final Path intake;
    private final boolean fileIntake;

    AbandonedBatches(JdbcTemplate jdbc, Clock clock, BatchLease lease, BatchProperties batches, FileIntakeProperties files) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.spool = Path.of(batches.spoolDirectory()).toAbsolutePath();
        this.intake = Path.of(files.directory()).toAbsolutePath();
        this.fileIntake = files.enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        sweeper.scheduleWithFixedDelay(this::sweep, 0, every().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Often enough that a dropped batch is taken over soon after its claim lapses. */
    private Duration every() {
        return Duration.ofMillis(Math.max(100, Math.min(lease.duration().toMillis() / 3, MOST_EVERY.toMillis())));
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    void sweep() {
        try {
            Instant now = clock.instant();
            jdbc.query("""
                    select b.id, b.lender_id, l.code, b.channel, b.source, b.format, b.status, b.rows_read, b.decided,
                           b.rejected, b.claimed_by
                    from batch b join lender l on l.id = b.lender_id
                    where (b.status = ? and b.claimed_until < ?) or (b.status = ? and b.received_at < ?)""",
                    (rs, row) -> new Abandoned(rs.getObject("id", UUID.class), rs.getObject("lender_id", UUID.class),
                            rs.getString("code"), Channel.valueOf(rs.getString("channel")), rs.getString("source"),
                            BatchFormat.valueOf(rs.getString("format")), BatchStatus.valueOf(rs.getString("status")),
                            rs.getInt("rows_read"), rs.getInt("decided"), rs.getInt("rejected"), rs.getString("claimed_by")),
                    BatchStatus.RUNNING.name(), Timestamp.from(now), BatchStatus.RECEIVED.name(),
                    Timestamp.from(now.minus(lease.duration())))
                    .stream().filter(batch -> !lease.holds(batch.id())).forEach(this::sweep);
        } catch (DataAccessException e) {
            log.warn("Could not look for abandoned batches ({}); looking again in {} ms", e.getMessage(),
                    every().toMillis());
        } catch (RuntimeException e) { // the sweep must go on whatever happens to one batch
            log.error("Looking for abandoned batches failed", e);
        }
    }

    private void sweep(Abandoned batch) {
        if (batch.channel() == Channel.FILE && !fileIntake) {
            return; // an instance that reads the intake folder will see to it
        }
        Path file = batch.channel() == Channel.FILE ? intake.resolve(batch.source()) : spool.resolve(batch.lenderCode())
                .resolve(batch.id() + "." + batch.format().extension());
        if (isTheBatchsFile(batch, file)) {
            releaseReadLock(batch, file);
        } else {
            end(batch);
        }
    }

    /** A dropped file changed since (another size or time) is another batch: this one's file is gone. */
    private static boolean isTheBatchsFile(Abandoned batch, Path file) {
        try {
            return Files.isRegularFile(file) && (batch.channel() != Channel.FILE || batch.id().equals(DroppedBatch.id(
                    batch.lenderId(), batch.source(), Files.size(file), Files.getLastModifiedTime(file).toMillis())));
        } catch (IOException e) {
            return Files.exists(file); // unsure: left to the route, which reads it or not
        }
    }

    private void releaseReadLock(Abandoned batch, Path file) {
        Path marker = file.resolveSibling(file.getFileName() + READ_LOCK_MARKER);
        try {
            if (batch.status() == BatchStatus.RUNNING && stillAbandoned(batch) && Files.deleteIfExists(marker)) {
                log.info("Batch {} ({}) was left by {} after row {}; its file is read again to resume it", batch.id(),
                        batch.source(), batch.claimedBy(), batch.rowsRead());
            }
        } catch (IOException e) {
            log.warn("Could not remove the read lock {} of abandoned batch {}: {}", marker, batch.id(), e.getMessage());
        }
    }

    private boolean stillAbandoned(Abandoned batch) {
        return jdbc.queryForObject("select count(*) from batch where id = ? and status = ? and claimed_until < ?",
                Integer.class, batch.id(), BatchStatus.RUNNING.name(), Timestamp.from(clock.instant())) == 1;
    }

    private void end(Abandoned batch) {
        String reason = batch.status() == BatchStatus.RECEIVED
                ? "The batch was not received whole: the service stopped before its file was stored, so none of it "
                + "was read. Send the batch again."
                : FILE_GONE + ", so it could not be resumed: the service instance working on it stopped after "
                + "row " + batch.rowsRead() + " (" + batch.decided() + " rows decided, " + batch.rejected() + " rejected), "
                + "and the rows after it were not read. Send the file again: rows decided before keep their decisions "
                + "and only references not decided yet are assessed.";
        Instant now = clock.instant();
        // only while it is still abandoned: an instance may have claimed it since it was looked up
        int ended = batch.status() == BatchStatus.RECEIVED
                ? jdbc.update("update batch set status = ?, failure = ?, finished_at = ? where id = ? and status = ? "
                        + "and received_at < ?", BatchStatus.FAILED.name(), reason, Timestamp.from(now), batch.id(),
                        BatchStatus.RECEIVED.name(), Timestamp.from(now.minus(lease.duration())))
                : jdbc.update("update batch set status = ?, failure = ?, finished_at = ?, claimed_until = null "
                        + "where id = ? and status = ? and claimed_until < ?", BatchStatus.FAILED.name(), reason,
                        Timestamp.from(now), batch.id(), BatchStatus.RUNNING.name(), Timestamp.from(now));
        if (ended == 1) {
            log.warn("Batch {} ({}) failed: {}", batch.id(), batch.source(), reason);
            if (batch.channel() == Channel.REST) {
                deleteQuietly(spool.resolve(batch.lenderCode()).resolve(batch.id() + ".part"));
            }
        }
    }

    private static void deleteQuietly(Path leftover) {
        try {
            Files.deleteIfExists(leftover);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", leftover, e.getMessage());
        }
    }

    private record Abandoned(UUID id, UUID lenderId, String lenderCode, Channel channel, String source, BatchFormat format,
                             BatchStatus status, int rowsRead, int decided, int rejected, String claimedBy) {
    }
}
