package org.blended.service.batch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.blended.integration.batch.BatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This instance's claim on the batches it works on: {@code claimed_by} names the instance and
 * {@code claimed_until} ends the claim one lease after it was last renewed. A heartbeat renews the
 * claims three times per lease for as long as the batch is worked on, however slow a chunk is; an
 * instance that stops, kill -9 included, stops renewing, so its batches are free a lease later.
 * The heartbeat has a thread of its own, so no other scheduled work (a rule set compiling) delays it.
 */
@Component
class BatchLease {

    private static final Logger log = LoggerFactory.getLogger(BatchLease.class);

    /** This instance, as named in the batches it works on: a restart is a new instance. */
    private final String instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "batch-lease");
        thread.setDaemon(true);
        return thread;
    });

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lease;

    BatchLease(JdbcTemplate jdbc, Clock clock, BatchProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = Duration.ofMillis(properties.leaseMillis());
    }

    @PostConstruct
    void start() {
        long every = Math.max(1, lease.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }

    String instance() {
        return instance;
    }

    Duration duration() {
        return lease;
    }

    /** When a claim made or renewed now ends. */
    Timestamp until() {
        return Timestamp.from(clock.instant().plus(lease));
    }

    /** This instance works on the batch now: its claim is renewed until {@link #release}. */
    void hold(UUID batchId) {
        held.add(batchId);
    }

    /** This instance has stopped working on the batch, finished or not: the claim lapses unless it is opened again. */
    void release(UUID batchId) {
        held.remove(batchId);
    }

    boolean holds(UUID batchId) {
        return held.contains(batchId);
    }

    void renew() {
        for (UUID batchId : held) {
            try {
                int renewed = jdbc.update("update batch set claimed_until = ? where id = ? and claimed_by = ? and status = ?",
                        until(), batchId, instance, BatchStatus.RUNNING.name());
                if (renewed == 0) { // finished, or taken over after a claim that lapsed: the next chunk finds out
                    held.remove(batchId);
                }
            } catch (DataAccessException e) {
                log.warn("Could not renew the claim on batch {} ({}); trying again in {} s", batchId, e.getMessage(),
                        lease.toSeconds() / 3);
            } catch (RuntimeException e) { // the heartbeat must go on whatever happens to one renewal
                log.error("Renewing the claim on batch {} failed", batchId, e);
            }
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "instance";
        }
    }
}
