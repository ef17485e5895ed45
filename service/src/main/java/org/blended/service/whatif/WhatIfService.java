package org.blended.service.whatif;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PreDestroy;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Reason;
import org.blended.service.assessment.CompiledRuleSet;
import org.blended.service.assessment.EvaluationFailedException;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.decision.StoredInputs;
import org.blended.service.ruleset.lifecycle.RuleSetConflictException;
import org.blended.service.ruleset.lifecycle.RuleSetLibrary;
import org.blended.service.ruleset.lifecycle.RuleSetSettings;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.whatif.StoredApplications.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates a draft and the active version over stored applications (each on its own assessment
 * date, with the measure values it was decided with) and reports both side by side, with every
 * application whose outcome or reasons would change. Runs in the background, one run at a time
 * per instance; progress is written as it goes so any instance can report it. The applications are
 * read through one cursor; a few evaluator threads parse them and hand both versions' evaluations
 * to the engine's workers (its limits apply), enough of them that every worker is always busy.
 */
@Service
public class WhatIfService {

    private static final Logger log = LoggerFactory.getLogger(WhatIfService.class);
    private static final int SHOWN = 500;
    private static final Duration STALLED = Duration.ofMinutes(5);
    /** A run's changed applications, outcome changes first; with what the application asked, for people to weigh. */
    private static final String CHANGES = "select c.application_id, c.lender_reference, c.legal_name, a.legal_form, a.amount, "
            + "c.outcome_before, c.outcome_after, c.reasons_before, c.reasons_after, c.why "
            + "from what_if_change c left join application a on a.id = c.application_id where c.run_id = ? "
            + "order by case when c.outcome_before = c.outcome_after then 1 else 0 end, c.position";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final RuleSets ruleSets;
    private final RuleSetLibrary library;
    private final RuleEngine engine;
    private final LenderDirectory lenders;
    private final StoredInputs inputs;
    private final RuleSetSettings settings;
    private final ObjectMapper json;
    private final ObjectReader applications;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "what-if"));
    /**
     * Each evaluator waits for one evaluation at a time: two per engine worker (one per core, at
     * least two) keep every worker busy while the others parse their next application or take
     * their answer, and put at most one what-if evaluation per worker ahead of intake's in the queue.
     */
    private final int evaluatorCount = 2 * Math.max(2, Runtime.getRuntime().availableProcessors());
    private final ExecutorService evaluators = Executors.newFixedThreadPool(evaluatorCount, new ThreadFactory() {
        private final AtomicInteger numbers = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "what-if-evaluator-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });
    private final AtomicReference<UUID> current = new AtomicReference<>();

    public WhatIfService(JdbcTemplate jdbc, DataSource dataSource, RuleSets ruleSets, RuleSetLibrary library, RuleEngine engine,
                         LenderDirectory lenders, StoredInputs inputs, RuleSetSettings settings, ObjectMapper json, Clock clock,
                         PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.ruleSets = ruleSets;
        this.library = library;
        this.engine = engine;
        this.lenders = lenders;
        this.inputs = inputs;
        this.settings = settings;
        this.json = json;
        this.applications = json.readerFor(Application.class);
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        evaluators.shutdownNow();
    }

    /**
     * A run whose instance stopped would say RUNNING for ever: one with no progress for five
     * minutes (a step takes well under a second) is marked failed, so the policy owner starts it again.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void failAbandonedRuns() {
        int abandoned = jdbc.update("update what_if_run set status = 'FAILED', failure = ?, finished_at = ? "
                        + "where status = 'RUNNING' and updated_at < ?",
                "The service instance running this what-if stopped before it finished; start it again.",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant().minus(STALLED)));
        if (abandoned > 0) {
            log.warn("{} what-if runs had made no progress for {} and were marked failed", abandoned, STALLED);
        }
    }

    /**
     * Starts a run of the version against the active one; answers at once with the run's id. One
     * run at a time per instance: a second is refused while the first goes on, rather than left
     * waiting unseen.
     */
    public synchronized UUID start(int version, WhatIfScope scope, String actor) {
        UUID running = current.get();
        // Its last status may be written a moment before the runner lets go of it.
        if (running != null && "RUNNING".equals(jdbc.queryForObject("select status from what_if_run where id = ?",
                String.class, running))) {
            throw new RuleSetConflictException("A what-if is already running",
                    "What-if " + running + " is still running here; start this one when it has finished.");
        }
        ruleSets.get(version);
        int active = ruleSets.active().version();
        // Any version that compiles may be simulated, validated or not (the results say which): seeing what a change
        // does helps to fix its failing scenarios. Through the compiler's checks before the run starts: a refused
        // draft is answered with its problems, never run.
        library.compiled(version);
        UUID lenderId = scope.lender() == null || scope.lender().isBlank() ? null
                : lenders.idOfCode(scope.lender().strip()).orElseThrow(() -> new RuleSetConflictException(
                        "Unknown lender", "There is no lender with code " + scope.lender() + "."));
        Timestamp from = start(scope.receivedFrom());
        Timestamp to = scope.receivedTo() == null ? null : start(scope.receivedTo().plusDays(1));
        UUID id = UUID.randomUUID();
        Integer total = jdbc.queryForObject("select count(*) from application a join decision d on d.application_id = a.id"
                + StoredApplications.where(lenderId, from, to), Integer.class, StoredApplications.params(lenderId, from, to));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into what_if_run (id, draft_version, baseline_version, lender_id, received_from, received_to, "
                        + "status, total, requested_by, requested_at, updated_at) values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)",
                id, version, active, lenderId, from, to, total, actor, now, now);
        log.info("{} started what-if {} of rule set {} against {} over {} applications", actor, id, version, active, total);
        current.set(id);
        runner.submit(() -> {
            try {
                run(id, version, active, lenderId, from, to);
            } finally {
                current.set(null);
            }
        });
        return id;
    }

    /** Both sides' results; a side the rule set could not assess has its failure instead of an assessment. */
    private record Pair(Row row, Assessment before, Assessment after, EvaluationFailedException beforeFailed,
                        EvaluationFailedException afterFailed) {

        boolean bothAssessed() {
            return before != null && after != null;
        }
    }

    /**
     * One chunk of rows on its way through the evaluators: each of them takes the next row not yet
     * taken, so both engine workers stay busy to the chunk's end, and the next chunk is read and
     * handed over while this one is evaluated.
     */
    private final class Chunk {

        private final List<Row> rows;
        private final Pair[] pairs;
        private final AtomicInteger next = new AtomicInteger();
        private final List<Future<?>> parts = new ArrayList<>();

        Chunk(List<Row> rows, CompiledRuleSet active, CompiledRuleSet draft) {
            this.rows = rows;
            this.pairs = new Pair[rows.size()];
            for (int i = 0; i < Math.min(evaluatorCount, rows.size()); i++) {
                parts.add(evaluators.submit(() -> {
                    for (int row = next.getAndIncrement(); row < rows.size(); row = next.getAndIncrement()) {
                        pairs[row] = evaluate(rows.get(row), active, draft);
                    }
                }));
            }
        }

        /** The results in the rows' order, once all are in; the first failure (the service stopping) instead. */
        List<Pair> results() throws InterruptedException {
            try {
                for (Future<?> part : parts) {
                    part.get();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
            return Arrays.asList(pairs);
        }

        /** The evaluators take no more of this chunk's rows (the run failed). */
        void stop() {
            next.set(rows.size());
        }
    }

    private void run(UUID id, int version, int activeVersion, UUID lenderId, Timestamp from, Timestamp to) {
        long started = System.nanoTime();
        Chunk evaluating = null;
        Chunk following = null;
        try (StoredApplications stored = StoredApplications.open(dataSource, lenderId, from, to, settings.whatIfChunk())) {
            CompiledRuleSet draft = library.compiled(version);
            CompiledRuleSet active = library.compiled(activeVersion);
            WhatIfTally before = new WhatIfTally(active);
            WhatIfTally after = new WhatIfTally(draft);
            WhatIfGroups groups = new WhatIfGroups();
            int done = 0;
            int changed = 0;
            List<Row> rows = stored.next(settings.whatIfChunk());
            evaluating = rows.isEmpty() ? null : new Chunk(rows, active, draft);
            while (evaluating != null) {
                // The next chunk is read and queued for the evaluators while they are busy with this one.
                rows = stored.next(settings.whatIfChunk());
                following = rows.isEmpty() ? null : new Chunk(rows, active, draft);
                List<Object[]> changes = new ArrayList<>();
                for (Pair pair : evaluating.results()) {
                    tally(before, pair.before(), pair.beforeFailed());
                    tally(after, pair.after(), pair.afterFailed());
                    if (!pair.bothAssessed()) { // counted as not assessed; no outcome to compare or group
                        continue;
                    }
                    groups.add(pair.row().legalForm(), pair.row().amount(), pair.before(), pair.after());
                    if (pair.before().getOutcome() != pair.after().getOutcome()
                            || !sameReasons(pair.before().getReasons(), pair.after().getReasons())) {
                        List<String> reasonsBefore = reasons(pair.before());
                        changed++;
                        changes.add(new Object[]{id, changed, pair.row().id(), pair.row().reference(), pair.row().legalName(),
                                pair.before().getOutcome().name(), pair.after().getOutcome().name(),
                                String.join(",", reasonsBefore), String.join(",", reasons(pair.after())), why(pair, reasonsBefore)});
                    }
                }
                done += evaluating.rows.size();
                progress(id, changes, done, changed, summary(before, after, groups, done, changed, started), null);
                evaluating = following;
                following = null;
            }
            progress(id, List.of(), done, changed, summary(before, after, groups, done, changed, started), "FINISHED");
            log.info("What-if {} finished: {} applications, {} would change, in {} ms", id, done, changed,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("What-if {} failed", id, e);
            failed(id, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) { // the service is stopping
            try {
                failed(id, "The service instance running this what-if stopped before it finished; start it again.");
            } finally {
                Thread.currentThread().interrupt();
            }
        } finally {
            for (Chunk left : new Chunk[]{evaluating, following}) {
                if (left != null) {
                    left.stop();
                }
            }
        }
    }

    private void failed(UUID id, String why) {
        jdbc.update("update what_if_run set status = 'FAILED', failure = ?, finished_at = ? where id = ?",
                why, Timestamp.from(clock.instant()), id);
    }

    /** On an evaluator: both versions, each on its own copy of the application, through the engine's workers and limits. */
    private Pair evaluate(Row row, CompiledRuleSet active, CompiledRuleSet draft) {
        var values = inputs.lenderValues(row.lenderValues());
        // Each side reads its own copy: rules may change the facts they are given.
        Assessment before = null;
        Assessment after = null;
        EvaluationFailedException beforeFailed = null;
        EvaluationFailedException afterFailed = null;
        try {
            before = engine.evaluate(active, application(row.payload()), row.assessedOn(), values);
        } catch (EvaluationFailedException e) {
            beforeFailed = e;
        }
        try {
            after = engine.evaluate(draft, application(row.payload()), row.assessedOn(), values);
        } catch (EvaluationFailedException e) { // a draft that fires for ever is what a what-if is for finding
            afterFailed = e;
        }
        return new Pair(row, before, after, beforeFailed, afterFailed);
    }

    private Application application(byte[] payload) {
        try {
            return applications.readValue(payload);
        } catch (IOException e) {
            throw new IllegalStateException("A stored application could not be read back", e);
        }
    }

    private static void tally(WhatIfTally tally, Assessment assessment, EvaluationFailedException failed) {
        if (assessment != null) {
            tally.add(assessment);
        } else {
            tally.notAssessed(failed);
        }
    }

    private void progress(UUID id, List<Object[]> changes, int done, int changed, WhatIfSummary summary, String status) {
        if (!changes.isEmpty()) {
            jdbc.batchUpdate("insert into what_if_change (run_id, position, application_id, lender_reference, legal_name, "
                    + "outcome_before, outcome_after, reasons_before, reasons_after, why) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    changes);
        }
        jdbc.update("update what_if_run set done = ?, changed = ?, summary = ?, updated_at = ? where id = ?", done, changed,
                toJson(summary), Timestamp.from(clock.instant()), id);
        if (status != null) {
            jdbc.update("update what_if_run set status = ?, finished_at = ? where id = ?", status,
                    Timestamp.from(clock.instant()), id);
        }
    }

    private Timestamp start(LocalDate day) {
        return day == null ? null : Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    /** The same reasons (code and points) in the same order: what the changes list compares. */
    private static boolean sameReasons(List<Reason> before, List<Reason> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            Reason a = before.get(i);
            Reason b = after.get(i);
            if (a.getPoints() != b.getPoints() || !Objects.equals(a.getCode(), b.getCode())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> reasons(Assessment assessment) {
        return assessment.getReasons().stream().map(WhatIfService::reason).toList();
    }

    /** The officer's sentences of the reasons the draft gives and the active version did not. */
    private static String why(Pair pair, List<String> reasonsBefore) {
        return pair.after().getReasons().stream().filter(r -> !reasonsBefore.contains(reason(r)))
                .map(Reason::getText).filter(t -> t != null && !t.isBlank())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String reason(Reason reason) {
        return reason.getCode() + "(" + reason.getPoints() + ")";
    }

    private static WhatIfSummary summary(WhatIfTally before, WhatIfTally after, WhatIfGroups groups, int done, int changed,
                                         long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new WhatIfSummary(before.side(), after.side(), groups.groups(), done, changed, millis,
                millis == 0 ? 0 : Math.round(done * 1000.0 / millis * 10) / 10.0);
    }

    private String toJson(WhatIfSummary summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A run with its figures so far and up to 500 changed applications from the given place in its
     * list, those whose outcome changes first, each group in the order they were found.
     */
    public WhatIfView view(UUID id, int offset) {
        var runs = jdbc.query("select r.draft_version, r.baseline_version, r.status, r.total, r.done, r.changed, r.summary, "
                        + "r.failure, r.requested_by, r.requested_at, r.finished_at, v.valid "
                        + "from what_if_run r join rule_set v on v.version = r.draft_version where r.id = ?",
                (rs, i) -> new Object[]{rs.getInt(1), rs.getInt(2), rs.getString(3), (Integer) rs.getObject(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10), rs.getTimestamp(11),
                        (Boolean) rs.getObject(12)},
                id);
        if (runs.isEmpty()) {
            throw new WhatIfNotFoundException(id);
        }
        Object[] r = runs.get(0);
        List<WhatIfChange> changes = jdbc.query(CHANGES + " limit ? offset ?", (rs, i) -> change(rs), id, SHOWN, Math.max(0, offset));
        Integer total = (Integer) r[3];
        int done = (Integer) r[4];
        int percent = total == null || total == 0 ? ("RUNNING".equals(r[2]) ? 0 : 100) : (int) (100L * done / total);
        return new WhatIfView(id, (Integer) r[0], (Integer) r[1], (String) r[2], (Boolean) r[11], total, done, percent,
                (Integer) r[5], r[6] == null ? null : fromJson((String) r[6]), (String) r[7], (String) r[8],
                ((Timestamp) r[9]).toInstant(), r[10] == null ? null : ((Timestamp) r[10]).toInstant(), changes, changes.size());
    }

    private static WhatIfChange change(ResultSet rs) throws SQLException {
        return new WhatIfChange(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getBigDecimal(5), Outcome.valueOf(rs.getString(6)), Outcome.valueOf(rs.getString(7)), split(rs.getString(8)),
                split(rs.getString(9)), rs.getString(10));
    }

    /**
     * Every changed application of a run, outcome changes first, handed over one at a time as they
     * are read: a large run is never held in memory (PostgreSQL streams rows only inside a transaction).
     */
    public void eachChange(UUID id, Consumer<WhatIfChange> each) {
        if (jdbc.queryForObject("select count(*) from what_if_run where id = ?", Integer.class, id) == 0) {
            throw new WhatIfNotFoundException(id);
        }
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(SHOWN);
        transactions.executeWithoutResult(status -> streaming.query(CHANGES, (RowCallbackHandler) rs -> each.accept(change(rs)), id));
    }

    /**
     * What the latest finished what-if of a version found, for the page that asks to confirm
     * publishing or rolling back to it; empty when none has finished.
     */
    public Optional<WhatIfEffect> latestFinished(int version) {
        return jdbc.query("select r.id, r.baseline_version, r.finished_at, r.done, r.changed, "
                        + "(select count(*) from what_if_change c where c.run_id = r.id and c.outcome_before <> c.outcome_after), "
                        + "r.lender_id is null and r.received_from is null and r.received_to is null "
                        + "from what_if_run r where r.draft_version = ? and r.status = 'FINISHED' "
                        + "order by r.finished_at desc limit 1",
                (rs, i) -> new WhatIfEffect(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7)), version).stream().findFirst();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    private WhatIfSummary fromJson(String summary) {
        try {
            return json.readValue(summary, WhatIfSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
