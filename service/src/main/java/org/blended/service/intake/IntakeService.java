package org.blended.service.intake;

import org.blended.service.database.DatabaseProbe;
import org.blended.service.database.TransientFailures;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Consumer;

import org.blended.integration.reading.SubmissionReader;
import org.blended.integration.submission.ApplicationIntake;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.InvalidField;
import org.blended.integration.submission.InvalidSubmissionException;
import org.blended.integration.submission.NotAssessedException;
import org.blended.integration.submission.Submission;
import org.blended.integration.submission.SubmissionResult;
import org.blended.integration.submission.TransientIntakeException;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.ArrayList;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.service.application.ApplicationQueries;
import org.blended.service.decision.ApplicationView;
import org.blended.service.decision.Assessed;
import org.blended.service.decision.DecisionRecorder;
import org.blended.service.decision.Recorded;
import org.blended.service.assessment.CompiledRuleSet;
import org.blended.service.assessment.EvaluationFailedException;
import org.blended.service.assessment.EvaluationStoppedException;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.valuation.LenderValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Where every single-application route ends: read the submission, assess it, store the decision;
 * or record why it was refused. A reference the lender sent before gets its first decision back.
 * Evaluation runs outside the database transaction, which only covers the writes.
 * <p>
 * An application the rule set cannot assess (past a limit, a rule failing, no outcome) is recorded
 * as a rejection with the reason, like an invalid one, rather than as a REFER decision: no rule
 * made a decision, the decision chain and replay should hold only decisions the rules made, and
 * the reference stays free, so the lender can send it again once the rule set is put right.
 */
@Service
public class IntakeService implements ApplicationIntake {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final SubmissionReader reader;
    private final RuleEngine engine;
    private final DecisionRecorder recorder;
    private final ApplicationQueries queries;
    private final RejectionLog rejections;
    private final RejectionRepository rejectionRepository;
    private final TransactionTemplate transaction;
    private final LenderValues values;
    private final MeterRegistry meters;
    private final Timer evaluationTimer;
    private final Clock clock;
    private final DatabaseProbe database;

    public IntakeService(SubmissionReader reader, RuleEngine engine, DecisionRecorder recorder, ApplicationQueries queries,
                         RejectionLog rejections, RejectionRepository rejectionRepository, TransactionTemplate transaction,
                         LenderValues values, MeterRegistry meters, Clock clock, DatabaseProbe database) {
        this.database = database;
        this.rejectionRepository = rejectionRepository;
        this.transaction = transaction;
        this.reader = reader;
        this.engine = engine;
        this.recorder = recorder;
        this.queries = queries;
        this.rejections = rejections;
        this.values = values;
        this.meters = meters;
        this.clock = clock;
        this.evaluationTimer = Timer.builder("blended.evaluation")
                .description("Time to evaluate one application with the rule base")
                .register(meters);
    }

    @Override
    public ApplicationView submit(Submission submission) {
        if (submission.lenderId() == null) {
            throw new IllegalStateException("The " + submission.channel() + " route passed a submission without its lender");
        }
        // Any step may meet the database away; the routes retry that, and only that, with back-off.
        return TransientFailures.retryable("Assessing " + submission.source(), () -> decide(submission), database);
    }

    private ApplicationView decide(Submission submission) {
        Instant receivedAt = clock.instant();
        Application application = read(submission, receivedAt);
        Assessed assessed;
        try {
            assessed = assess(submission, application, receivedAt);
        } catch (EvaluationFailedException failed) {
            // A reference decided before still gets its first decision back, whatever the rules do now.
            var before = recorder.decidedBefore(submission.lenderId(), application.getLenderReference());
            if (before.isPresent()) {
                return alreadyDecided(submission, application, before.get());
            }
            throw notAssessed(submission, application, failed, receivedAt);
        }
        // The recorder finds a reference decided before, in the same transaction that would store it.
        Recorded recorded = recordRacing(() -> recorder.record(submission.lenderId(), List.of(assessed)).get(0));
        if (recorded.alreadyDecided()) {
            return alreadyDecided(submission, application, recorded.applicationId());
        }
        ApplicationView view = recorded.view();
        decided(submission.channel().name(), view.outcome().name());
        try (var ignored = MDC.putCloseable("applicationId", view.applicationId().toString())) {
            log.info("Decided {} application {} ({}): {} with {} reasons in {} us", submission.channel(),
                    application.getLenderReference(), application.getApplicant().getLegalName(), view.outcome(),
                    assessed.assessment().getReasons().size(), assessed.evaluationMicros());
        }
        return view;
    }

    /** Reads the submission or records why it cannot be assessed (and throws, naming the record). */
    Application read(Submission submission, Instant receivedAt) {
        try {
            return reader.read(submission.payload());
        } catch (InvalidSubmissionException invalid) {
            var rejection = rejections.record(submission, invalid, receivedAt);
            rejected(submission.channel().name(), 1);
            log.info("Refused {} submission {} (rejection {}): {}", submission.channel(), submission.source(),
                    rejection.getId(), invalid.getMessage());
            throw invalid.recordedAs(rejection.getId());
        }
    }

    @Override
    public InvalidSubmissionException refuse(Submission submission, InvalidSubmissionException reason) {
        var rejection = TransientFailures.retryable("Recording the refusal of " + submission.source(),
                () -> rejections.record(submission, reason, clock.instant()));
        rejected(submission.channel().name(), 1);
        log.info("Refused {} submission {} (rejection {}): {}", submission.channel(), submission.source(),
                rejection.getId(), reason.getMessage());
        return reason.recordedAs(rejection.getId());
    }

    /** Records why the rules could not assess the submission; the exception to answer with, naming the record. */
    private NotAssessedException notAssessed(Submission submission, Application application, EvaluationFailedException failed,
                                             Instant receivedAt) {
        var rejection = rejections.record(submission, reason(failed), receivedAt);
        rejected(submission.channel().name(), 1);
        log.warn("Could not assess {} application {} from {} (rejection {}): {}", submission.channel(),
                application.getLenderReference(), submission.source(), rejection.getId(), failed.getMessage(),
                failed.getCause());
        return new NotAssessedException(failed.getMessage(), rejection.getId());
    }

    private static String reason(EvaluationFailedException failed) {
        return "Not assessed: " + failed.getMessage();
    }

    @Override
    public List<SubmissionResult> submitAll(List<Submission> submissions) {
        return submitAll(submissions.stream().map(s -> new BatchRowSubmission(s, List.of())).toList(), stored -> {
        });
    }

    /**
     * Many submissions of one lender: read and assessed side by side (evaluation is the costly
     * part), then stored in one transaction with their refusals; {@code alsoInTransaction} runs
     * in that transaction with the results, so that whatever counts them commits with them.
     */
    public List<SubmissionResult> submitAll(List<BatchRowSubmission> rows, Consumer<List<SubmissionResult>> alsoInTransaction) {
        return store(prepare(rows), alsoInTransaction);
    }

    /** Read and assessed, not yet stored: one {@link Row} per submission, in row order. */
    public record Prepared(UUID lenderId, Channel channel, List<Row> rows) {
    }

    /**
     * A submission read and assessed, not yet stored: to be recorded as a decision, or as a refusal;
     * nothing else (on Java 21 the two loops that sort them become switches the compiler checks).
     */
    public sealed interface Row permits Decided, Refused {
    }

    /** The rules decided it: stored as a decision (or answered with the first, for a reference decided before). */
    public record Decided(Assessed assessed) implements Row {
    }

    /** It could not be read or assessed: stored as a rejection saying why. */
    public record Refused(Rejection rejection) implements Row {
    }

    /** Reads and assesses the rows side by side; nothing is stored yet. */
    public Prepared prepare(List<BatchRowSubmission> rows) {
        if (rows.isEmpty()) {
            return new Prepared(null, null, List.of());
        }
        UUID lenderId = rows.get(0).submission().lenderId();
        Instant receivedAt = clock.instant();
        var lenderValues = TransientFailures.retryable("Reading the lender's measure values", () -> values.factsFor(lenderId),
                database);
        List<Row> read = rows.parallelStream().<Row>map(row -> {
            try {
                if (!row.unreadable().isEmpty()) {
                    throw new InvalidSubmissionException(row.unreadable());
                }
                Application application = reader.read(row.submission().payload());
                try {
                    return new Decided(assess(row.submission(), application, receivedAt, lenderValues));
                } catch (EvaluationFailedException failed) { // that row only: the others are assessed as usual
                    log.warn("Could not assess {} application {} from {}: {}", row.submission().channel(),
                            application.getLenderReference(), row.submission().source(), failed.getMessage(), failed.getCause());
                    return new Refused(RejectionLog.of(row.submission(), reason(failed), receivedAt));
                }
            } catch (InvalidSubmissionException invalid) {
                return new Refused(RejectionLog.of(row.submission(), invalid, receivedAt));
            }
        }).toList();
        return new Prepared(lenderId, rows.get(0).submission().channel(), read);
    }

    /** Stores what was prepared, decisions and refusals, in one transaction with {@code alsoInTransaction}. */
    public List<SubmissionResult> store(Prepared prepared, Consumer<List<SubmissionResult>> alsoInTransaction) {
        if (prepared.rows().isEmpty()) {
            return List.of();
        }
        List<SubmissionResult> results = TransientFailures.retryable("Storing " + prepared.rows().size() + " decisions",
                () -> recordRacing(() -> storeAll(prepared.lenderId(), prepared.rows(), alsoInTransaction)), database);
        results.forEach(r -> {
            if (r.isDecided()) {
                decided(prepared.channel().name(), r.outcome().name());
            } else {
                rejected(prepared.channel().name(), 1);
            }
        });
        return results;
    }

    private List<SubmissionResult> storeAll(UUID lenderId, List<Row> read, Consumer<List<SubmissionResult>> alsoInTransaction) {
        return transaction.execute(status -> {
            List<Assessed> assessed = new ArrayList<>();
            List<Rejection> refused = new ArrayList<>();
            for (Row row : read) {
                if (row instanceof Decided decided) {
                    assessed.add(decided.assessed());
                } else if (row instanceof Refused refusal) {
                    refused.add(refusal.rejection().unsaved());
                }
            }
            rejectionRepository.saveAll(refused);
            var recorded = recorder.record(lenderId, assessed).iterator();
            var rejections = refused.iterator();
            List<SubmissionResult> results = new ArrayList<>(read.size());
            for (Row row : read) { // back in submission order
                if (row instanceof Decided) {
                    Recorded d = recorded.next();
                    results.add(SubmissionResult.decided(d.applicationId(), d.outcome(), d.alreadyDecided()));
                } else if (row instanceof Refused) {
                    Rejection rejection = rejections.next();
                    results.add(SubmissionResult.refused(rejection.getId(), rejection.getReason()));
                }
            }
            alsoInTransaction.accept(results);
            return results;
        });
    }

    /** A row of a batch as a submission, with why it could not be read into JSON if so. */
    public record BatchRowSubmission(Submission submission, List<InvalidField> unreadable) {
    }

    /** Evaluates with the active rule base and the lender's own measure values, on the day received. */
    Assessed assess(Submission submission, Application application, Instant receivedAt) {
        return assess(submission, application, receivedAt, values.factsFor(submission.lenderId()));
    }

    private Assessed assess(Submission submission, Application application, Instant receivedAt,
                            List<org.blended.rules.assessment.MeasureValue> lenderValues) {
        long started = System.nanoTime();
        CompiledRuleSet rules = engine.active(); // taken once: the decision names the version that made it
        Assessment assessment;
        try {
            assessment = engine.evaluate(rules, application, LocalDate.ofInstant(receivedAt, clock.getZone()), lenderValues);
        } catch (EvaluationStoppedException stopped) { // the instance is stopping: to be done again, not refused
            throw new TransientIntakeException("Assessing " + submission.source() + " was stopped: " + stopped.getMessage(),
                    stopped);
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
        evaluationTimer.record(micros, TimeUnit.MICROSECONDS);
        return new Assessed(submission, application, assessment, rules.label(), lenderValues, receivedAt, micros);
    }

    /**
     * Another instance may store the same reference at the same moment: the loser's transaction
     * rolls back on the reference's key, and storing again finds the winner's decision.
     */
    private static <T> T recordRacing(java.util.function.Supplier<T> storing) {
        try {
            return storing.get();
        } catch (DataIntegrityViolationException raced) {
            return storing.get();
        }
    }

    private ApplicationView alreadyDecided(Submission submission, Application application, UUID applicationId) {
        counter("blended.applications.repeated", "Submissions of a reference already decided",
                "channel", submission.channel().name()).increment();
        log.info("{} submission {} repeats reference {}: answered with application {}", submission.channel(),
                submission.source(), application.getLenderReference(), applicationId);
        return queries.application(submission.lenderId(), applicationId).asAlreadyDecided();
    }

    void decided(String channel, String outcome) {
        counter("blended.applications", "Applications decided", "channel", channel, "outcome", outcome).increment();
    }

    void rejected(String channel, int count) {
        counter("blended.rejections", "Submissions refused: invalid, or not assessable by the rule set", "channel", channel).increment(count);
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(meters);
    }
}
