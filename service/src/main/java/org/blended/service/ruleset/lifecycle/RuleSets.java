package org.blended.service.ruleset.lifecycle;

import org.blended.service.ruleset.build.RuleSetCompiler;
import org.blended.service.ruleset.build.RuleSetScenarios;
import org.blended.service.ruleset.build.ScenarioCoverage;
import org.blended.service.ruleset.build.ScenarioResult;
import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.ruleset.guard.CodeChangeRefusedException;
import org.blended.service.ruleset.guard.CodeChanges;
import org.blended.service.ruleset.guard.TableCellCheck;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.store.AcceptedChange;
import org.blended.service.ruleset.store.DecisionsMade;
import org.blended.service.ruleset.store.RuleSetEvent;
import org.blended.service.ruleset.store.RuleSetNotFoundException;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.store.RuleSetState;
import org.blended.service.ruleset.store.RuleSetStore;
import org.blended.service.ruleset.upload.RuleSetUpload;
import org.blended.service.ruleset.upload.RuleSetUploadException;
import org.blended.service.ruleset.upload.RuleSetUploads;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.service.assessment.CompiledRuleSet;
import org.blended.service.assessment.RuleEngine;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The life of a rule set: a draft is uploaded, validated (content check, compile, every Test
 * Scenario), optionally approved by a second policy owner, published; an earlier version can be
 * rolled back to. A draft's rules never change once stored: an edit is a new draft. Its Test Scenarios
 * change only by accepting the draft's own values as their expectations ({@link ExpectationAcceptance}).
 */
@Service
public class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

    private final RuleSetStore store;
    private final RuleSetLibrary library;
    private final RuleSetCompiler compiler;
    private final RuleSetScenarios scenarios;
    private final RuleEngine engine;
    private final RuleSetSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService scenarioRunner = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-scenarios");
        thread.setDaemon(true); // a looping rule must not keep the service from shutting down
        return thread;
    });

    public RuleSets(RuleSetStore store, RuleSetLibrary library, RuleSetCompiler compiler,
                    RuleSetScenarios scenarios, RuleEngine engine, RuleSetSettings settings, ObjectMapper json, Clock clock) {
        this.store = store;
        this.library = library;
        this.compiler = compiler;
        this.scenarios = scenarios;
        this.engine = engine;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    public RuleSetRecord get(int version) {
        return store.find(version).orElseThrow(() -> new RuleSetNotFoundException(version));
    }

    public RuleSetRecord active() {
        return get(store.activeVersion().orElseThrow(() -> new RuleSetNotFoundException("active")));
    }

    public List<RuleSetRecord> all() {
        return store.all();
    }

    public List<RuleSetFile> files(int version) {
        get(version);
        return store.files(version);
    }

    public DecisionsMade decisionsMade(RuleSetRecord version) {
        return store.decisionsMade(version.label());
    }

    public List<RuleSetEvent> history(int version) {
        get(version);
        return store.events(version);
    }

    /** A policy owner's upload: values only (see the next method). */
    public RuleSetRecord upload(Integer basedOn, List<RuleSetUpload> uploads, String note, String actor) {
        return upload(basedOn, uploads, note, actor, false);
    }

    /**
     * A new draft from the uploaded files, on top of the given version (the active one when null).
     * Unless the uploader may change code (a rule author), the draft may differ from that version only
     * in values; and every changed table's cells must fit their columns, whoever uploads it.
     */
    public RuleSetRecord upload(Integer basedOn, List<RuleSetUpload> uploads, String note, String actor,
                                boolean mayChangeCode) {
        int base = basedOn != null ? get(basedOn).version() : active().version();
        List<RuleSetFile> before = store.files(base);
        List<RuleSetFile> files = RuleSetUploads.merge(before, uploads, base, mayChangeCode);
        if (!mayChangeCode) {
            List<RuleSetProblem> code = CodeChanges.between(before, files);
            if (!code.isEmpty()) {
                log.info("{} may not change code; upload on version {} refused: {}", actor, base, code);
                throw new CodeChangeRefusedException(code);
            }
        }
        List<RuleSetProblem> cells = files.stream().filter(f -> f.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV
                        || f.kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX)
                .filter(f -> before.stream().noneMatch(b -> b.path().equals(f.path()) && Arrays.equals(b.content(), f.content())))
                .flatMap(f -> TableCellCheck.check(f).stream()).toList();
        if (!cells.isEmpty()) {
            throw new RuleSetUploadException(cells);
        }
        String what = uploads.size() == 1 ? uploads.get(0).fileName() : uploads.size() + " files";
        RuleSetRecord draft = store.create(null, base, note == null || note.isBlank() ? "Uploaded " + what : note.strip(),
                files, actor);
        log.info("{} uploaded {} as draft rule set {} based on version {}", actor, what, draft.version(), base);
        return draft;
    }

    /** Checks the content, compiles it and runs every Test Scenario against it; the report is kept with the version. */
    public ValidationReport validate(int version, String actor) {
        RuleSetRecord record = get(version);
        List<RuleSetFile> files = store.files(version);
        RuleSetCompiler.Build build = compiler.build(version, record.label(), files);
        ValidationReport report;
        if (!build.succeeded()) {
            report = new ValidationReport(version, false, build.stage(), build.problems(), 0, 0, List.of(),
                    build.millis(), 0, clock.instant());
        } else {
            long started = System.nanoTime();
            RuleSetScenarios.ScenarioRun run = runWithin(build.container(), build.compiled().kieBase(), files);
            List<ScenarioResult> results = run.results();
            long scenarioMillis = (System.nanoTime() - started) / 1_000_000;
            int failed = (int) results.stream().filter(r -> !r.passed()).count();
            boolean valid = failed == 0 && !results.isEmpty();
            report = new ValidationReport(version, valid, "the Test Scenarios", List.of(), results.size(), failed,
                    results, build.millis(), scenarioMillis, clock.instant(), run.coverage(), false);
            if (valid && !record.contentHash().equals(library.shippedHash())) {
                library.remember(build.compiled());
            }
        }
        store.recordValidation(version, report.valid(), toJson(report), actor, report.summary());
        log.info("{} validated rule set {}: {}", actor, version, report.summary());
        return report;
    }

    /**
     * A rule that loops for ever would hold the validation up for good: past the time limit the
     * validation fails and says so. The runner's thread cannot be stopped safely; it is left to
     * finish or to die with the instance, and the log says which version it runs.
     */
    private RuleSetScenarios.ScenarioRun runWithin(KieContainer container, KieBase rules, List<RuleSetFile> files) {
        var run = CompletableFuture.supplyAsync(() -> scenarios.runAndCover(container, rules, files), scenarioRunner);
        try {
            return run.get(settings.scenarioSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            log.error("The Test Scenarios of a draft did not finish within {} s; a rule may loop for ever", settings.scenarioSeconds());
            return new RuleSetScenarios.ScenarioRun(List.of(new ScenarioResult("all scenario files", 0, null, false,
                    "The Test Scenarios did not finish within " + settings.scenarioSeconds()
                            + " seconds: a rule may fire again and again for ever.")), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running Test Scenarios", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The Test Scenarios could not be run", e.getCause());
        }
    }

    public ValidationReport lastValidation(int version) {
        return lastValidation(get(version));
    }

    /** The report kept with a version already read, or null before its first validation. */
    public ValidationReport lastValidation(RuleSetRecord version) {
        if (version.validation() == null) {
            return null;
        }
        try {
            return json.readValue(version.validation(), ValidationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored validation of rule set " + version.version() + " is unreadable", e);
        }
    }

    public RuleSetRecord approve(int version, String actor) {
        RuleSetRecord record = get(version);
        requireDraft(record, "approved");
        requireValid(record, "approved");
        if (Objects.equals(record.createdBy(), actor)) {
            throw new RuleSetConflictException("Approval needs a second policy owner",
                    "You uploaded version " + version + "; another policy owner must approve it.");
        }
        int accepted = store.acceptedChanges(version).size();
        store.approve(version, actor, accepted == 0 ? null : "with " + accepted + (accepted == 1 ? " expected value" : " expected values")
                + " of its Test Scenarios accepted from the draft (listed with the draft)");
        return get(version);
    }

    /** Makes a validated draft the active version on every instance; evaluations under way finish on the old one. */
    public RuleSetRecord publish(int version, String actor) {
        return publish(version, actor, null);
    }

    /** As above, with the policy owner's reason for it, kept in the version's history. */
    public RuleSetRecord publish(int version, String actor, String reason) {
        RuleSetRecord record = get(version);
        requireDraft(record, "published");
        requireValid(record, "published");
        if (settings.requireApproval() && record.approvedBy() == null) {
            throw new RuleSetConflictException("Approval needed",
                    "Version " + version + " must be approved by a second policy owner before it is published.");
        }
        // compiled (or taken from the library) first: a draft whose content is refused says so before anything else
        CompiledRuleSet rules = library.compiled(record.version());
        requireCoverage(record);
        return activate(record, rules, "PUBLISHED", actor, "published", reason);
    }

    /**
     * Scenarios that leave many table rows unexercised would let a wrong value be published unnoticed:
     * publishing needs the configured share of rows covered by the last validation.
     */
    private void requireCoverage(RuleSetRecord record) {
        ValidationReport report = lastValidation(record);
        ScenarioCoverage coverage = report == null ? null : report.coverage();
        if (coverage == null) {
            throw new RuleSetConflictException("Validate again", "Version " + record.version() + " was validated before "
                    + "coverage was measured; validate it again before it is published.");
        }
        if (coverage.rowsPercent() < settings.minimumRowCoverage()) {
            throw new RuleSetConflictException("Too few table rows tested", "Version " + record.version() + " can be "
                    + "published only once its Test Scenarios exercise at least " + settings.minimumRowCoverage()
                    + " % of the decision-table rows (setting blended.rule-sets.minimum-row-coverage); they exercise "
                    + coverage.rowsPercent() + " % (" + coverage.rowsExercised() + " of " + coverage.rows() + "). Rows no "
                    + "scenario exercises: " + coverage.firstRows(5) + ".");
        }
    }

    /** The expectations of the version's Test Scenarios accepted from the draft's own values, oldest first. */
    public List<AcceptedChange> acceptedChanges(int version) {
        get(version);
        return store.acceptedChanges(version);
    }

    /** Makes an earlier published version active again, the same way as publishing. */
    public RuleSetRecord rollBack(int version, String actor) {
        return rollBack(version, actor, null);
    }

    /** As above, with the policy owner's reason for it, kept in the version's history. */
    public RuleSetRecord rollBack(int version, String actor, String reason) {
        RuleSetRecord record = get(version);
        if (record.state() != RuleSetState.RETIRED || record.publishedAt() == null) {
            throw new RuleSetConflictException("Cannot roll back to this version",
                    "Only a version that was published before and is no longer active can be rolled back to; version "
                            + version + " is " + describe(record) + ".");
        }
        return activate(record, library.compiled(record.version()), "ROLLED_BACK", actor, "rolled back to", reason);
    }

    /** Sets a draft aside; it stays stored and can be seen, but is never published. */
    public RuleSetRecord discard(int version, String actor) {
        RuleSetRecord record = get(version);
        requireDraft(record, "discarded");
        store.retire(version, actor, "draft discarded");
        return get(version);
    }

    /** The rules are built before anything changes, off the evaluation path: evaluations go on with the active version meanwhile. */
    private RuleSetRecord activate(RuleSetRecord record, CompiledRuleSet rules, String action, String actor, String verb,
                                   String reason) {
        long started = System.nanoTime();
        var before = store.activate(record.version(), action, actor, reason == null || reason.isBlank() ? null : reason.strip());
        engine.activate(rules);
        log.info("{} {} rule set {} ({}) in {} ms; version {} retired", actor, verb, record.version(), record.label(),
                (System.nanoTime() - started) / 1_000_000, before.map(String::valueOf).orElse("none"));
        return get(record.version());
    }

    private static void requireDraft(RuleSetRecord record, String verb) {
        if (record.state() != RuleSetState.DRAFT) {
            throw new RuleSetConflictException("Not a draft",
                    "Only a draft can be " + verb + "; version " + record.version() + " is " + describe(record) + "."
                            + (record.state() == RuleSetState.RETIRED && record.publishedAt() != null
                            ? " To make it active again, roll back to it." : ""));
        }
    }

    private static void requireValid(RuleSetRecord record, String verb) {
        if (!Boolean.TRUE.equals(record.valid())) {
            throw new RuleSetConflictException("Validation has not passed",
                    "Version " + record.version() + " can be " + verb + " only once its validation has passed "
                            + (record.valid() != null ? "(the last validation failed)."
                            : record.validatedAt() != null ? "(expectations were accepted since its last validation: validate it again)."
                            : "(it has not been validated yet)."));
        }
    }

    private static String describe(RuleSetRecord record) {
        return switch (record.state()) {
            case DRAFT -> "a draft";
            case PUBLISHED -> "the active version";
            case RETIRED -> record.publishedAt() == null ? "a discarded draft" : "retired";
        };
    }

    private String toJson(ValidationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
