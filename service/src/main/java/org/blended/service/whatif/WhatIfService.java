package org.blended.service.whatif;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Evaluates a draft and the active version over stored applications (each on its own assessment
 * date, with the measure values it was decided with) and reports both side by side, with every
 * application whose outcome or reasons would change. Runs in the background, one run at a time
 * per instance; progress is written as it goes so any instance can report it.
 */
@Service
public class WhatIfService {

    private static final Logger log = LoggerFactory.getLogger(WhatIfService.class);
    private static final int SHOWN = 500;
    private static final Duration STALLED = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final RuleSets ruleSets;
    private final RuleSetLibrary library;
    private final RuleEngine engine;
    private final LenderDirectory lenders;
    private final StoredInputs inputs;
    private final RuleSetSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "what-if"));
    private final AtomicReference<UUID> current = new AtomicReference<>();

    public WhatIfService(JdbcTemplate jdbc, RuleSets ruleSets, RuleSetLibrary library, RuleEngine engine, LenderDirectory lenders,
                         StoredInputs inputs, RuleSetSettings settings, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
        this.library = library;
        this.engine = engine;
        this.lenders = lenders;
        this.inputs = inputs;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
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
        var draft = ruleSets.get(version);
        if (Boolean.FALSE.equals(draft.valid())) {
            throw new RuleSetConflictException("Validation failed",
                    "Version " + version + " failed validation; fix it before simulating it.");
        }
        int active = ruleSets.active().version();
        // Through the compiler's checks before the run starts: a refused draft is answered with its problems, never run.
        library.compiled(version);
        UUID lenderId = scope.lender() == null || scope.lender().isBlank() ? null
                : lenders.idOfCode(scope.lender().strip()).orElseThrow(() -> new RuleSetConflictException(
                        "Unknown lender", "There is no lender with code " + scope.lender() + "."));
        Timestamp from = start(scope.receivedFrom());
        Timestamp to = scope.receivedTo() == null ? null : start(scope.receivedTo().plusDays(1));
        UUID id = UUID.randomUUID();
        Integer total = jdbc.queryForObject("select count(*) from application a join decision d on d.application_id = a.id"
                + where(lenderId, from, to), Integer.class, params(lenderId, from, to));
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

    private record Row(UUID id, String reference, String legalName, String legalForm, BigDecimal amount, String payload,
                       String lenderValues,
                       LocalDate assessedOn, Timestamp receivedAt) {
    }

    /** Both sides' results; a side the rule set could not assess has its failure instead of an assessment. */
    private record Pair(Row row, Assessment before, Assessment after, EvaluationFailedException beforeFailed,
                        EvaluationFailedException afterFailed) {

        boolean bothAssessed() {
            return before != null && after != null;
        }
    }

    private void run(UUID id, int version, int activeVersion, UUID lenderId, Timestamp from, Timestamp to) {
        long started = System.nanoTime();
        try {
            CompiledRuleSet draft = library.compiled(version);
            CompiledRuleSet active = library.compiled(activeVersion);
            WhatIfTally before = new WhatIfTally(active);
            WhatIfTally after = new WhatIfTally(draft);
            WhatIfGroups groups = new WhatIfGroups();
            int done = 0;
            int changed = 0;
            Row last = null;
            while (true) {
                List<Row> rows = page(lenderId, from, to, last);
                if (rows.isEmpty()) {
                    break;
                }
                // Both cores evaluate; the results keep the rows' order.
                List<Pair> pairs = rows.parallelStream().map(r -> evaluate(r, active, draft)).toList();
                List<Object[]> changes = new ArrayList<>();
                for (Pair pair : pairs) {
                    tally(before, pair.before(), pair.beforeFailed());
                    tally(after, pair.after(), pair.afterFailed());
                    if (!pair.bothAssessed()) { // counted as not assessed; no outcome to compare or group
                        continue;
                    }
                    groups.add(pair.row().legalForm(), pair.row().amount(), pair.before(), pair.after());
                    List<String> reasonsBefore = reasons(pair.before());
                    List<String> reasonsAfter = reasons(pair.after());
                    if (pair.before().getOutcome() != pair.after().getOutcome() || !reasonsBefore.equals(reasonsAfter)) {
                        changed++;
                        changes.add(new Object[]{id, changed, pair.row().id(), pair.row().reference(), pair.row().legalName(),
                                pair.before().getOutcome().name(), pair.after().getOutcome().name(),
                                String.join(",", reasonsBefore), String.join(",", reasonsAfter), why(pair, reasonsBefore)});
                    }
                }
                done += rows.size();
                last = rows.get(rows.size() - 1);
                progress(id, changes, done, changed, summary(before, after, groups, done, changed, started), null);
            }
            progress(id, List.of(), done, changed, summary(before, after, groups, done, changed, started), "FINISHED");
            log.info("What-if {} finished: {} applications, {} would change, in {} ms", id, done, changed,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("What-if {} failed", id, e);
            jdbc.update("update what_if_run set status = 'FAILED', failure = ?, finished_at = ? where id = ?",
                    String.valueOf(e.getMessage()), Timestamp.from(clock.instant()), id);
        }
    }

    private Pair evaluate(Row row, CompiledRuleSet active, CompiledRuleSet draft) {
        var values = inputs.lenderValues(row.lenderValues());
        // Each side reads its own copy: rules may change the facts they are given.
        Assessment before = null;
        Assessment after = null;
        EvaluationFailedException beforeFailed = null;
        EvaluationFailedException afterFailed = null;
        try {
            before = engine.evaluate(active, inputs.application(row.payload()), row.assessedOn(), values);
        } catch (EvaluationFailedException e) {
            beforeFailed = e;
        }
        try {
            after = engine.evaluate(draft, inputs.application(row.payload()), row.assessedOn(), values);
        } catch (EvaluationFailedException e) { // a draft that fires for ever is what a what-if is for finding
            afterFailed = e;
        }
        return new Pair(row, before, after, beforeFailed, afterFailed);
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

    private List<Row> page(UUID lenderId, Timestamp from, Timestamp to, Row after) {
        List<Object> params = new ArrayList<>(Arrays.asList(params(lenderId, from, to)));
        String keyset = "";
        if (after != null) {
            keyset = " and (a.received_at > ? or (a.received_at = ? and a.id > ?))";
            params.addAll(List.of(after.receivedAt(), after.receivedAt(), after.id()));
        }
        params.add(settings.whatIfChunk());
        return jdbc.query("select a.id, a.lender_reference, a.legal_name, a.legal_form, a.amount, a.payload, a.lender_values, "
                        + "d.assessed_on, a.received_at "
                        + "from application a join decision d on d.application_id = a.id" + where(lenderId, from, to)
                        + keyset + " order by a.received_at, a.id limit ?",
                (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getTimestamp(9)),
                params.toArray());
    }

    private static String where(UUID lenderId, Timestamp from, Timestamp to) {
        return " where 1 = 1" + (lenderId == null ? "" : " and a.lender_id = ?") + (from == null ? "" : " and a.received_at >= ?")
                + (to == null ? "" : " and a.received_at < ?");
    }

    private static Object[] params(UUID lenderId, Timestamp from, Timestamp to) {
        List<Object> params = new ArrayList<>();
        if (lenderId != null) {
            params.add(lenderId);
        }
        if (from != null) {
            params.add(from);
        }
        if (to != null) {
            params.add(to);
        }
        return params.toArray();
    }

    private Timestamp start(LocalDate day) {
        return day == null ? null : Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
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

    /** A run with its figures so far and up to 500 changed applications from the given position. */
    public WhatIfView view(UUID id, int offset) {
        var runs = jdbc.query("select draft_version, baseline_version, status, total, done, changed, summary, failure, "
                        + "requested_by, requested_at, finished_at from what_if_run where id = ?",
                (rs, i) -> new Object[]{rs.getInt(1), rs.getInt(2), rs.getString(3), (Integer) rs.getObject(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10), rs.getTimestamp(11)},
                id);
        if (runs.isEmpty()) {
            throw new WhatIfNotFoundException(id);
        }
        Object[] r = runs.get(0);
        List<WhatIfChange> changes = jdbc.query("select application_id, lender_reference, legal_name, outcome_before, "
                        + "outcome_after, reasons_before, reasons_after, why from what_if_change where run_id = ? and position > ? "
                        + "order by position limit ?",
                (rs, i) -> new WhatIfChange(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        Outcome.valueOf(rs.getString(4)), Outcome.valueOf(rs.getString(5)), split(rs.getString(6)),
                        split(rs.getString(7)), rs.getString(8)),
                id, Math.max(0, offset), SHOWN);
        Integer total = (Integer) r[3];
        int done = (Integer) r[4];
        int percent = total == null || total == 0 ? ("RUNNING".equals(r[2]) ? 0 : 100) : (int) (100L * done / total);
        return new WhatIfView(id, (Integer) r[0], (Integer) r[1], (String) r[2], total, done, percent, (Integer) r[5],
                r[6] == null ? null : fromJson((String) r[6]), (String) r[7], (String) r[8], ((Timestamp) r[9]).toInstant(),
                r[10] == null ? null : ((Timestamp) r[10]).toInstant(), changes, changes.size());
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
