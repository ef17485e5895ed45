package org.blended.service.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.blended.integration.intake.ApplicationIntake;
import org.blended.integration.intake.InvalidSubmissionException;
import org.blended.integration.intake.Submission;
import org.blended.integration.intake.SubmissionReader;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.service.application.ApplicationView;
import org.blended.service.application.DecisionRecorder;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.valuation.LenderValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;

/**
 * Where every channel's route ends: read the submission, assess it, store the decision; or
 * record why it was refused. Evaluation runs outside the database transaction, which only
 * covers the writes.
 */
@Service
public class IntakeService implements ApplicationIntake {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final SubmissionReader reader;
    private final RuleEngine engine;
    private final DecisionRecorder recorder;
    private final RejectionLog rejections;
    private final LenderValues values;
    private final MeterRegistry meters;
    private final Timer evaluationTimer;
    private final Clock clock;

    public IntakeService(SubmissionReader reader, RuleEngine engine, DecisionRecorder recorder,
                         RejectionLog rejections, LenderValues values, MeterRegistry meters, Clock clock) {
        this.values = values;
        this.reader = reader;
        this.engine = engine;
        this.recorder = recorder;
        this.rejections = rejections;
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
        Instant receivedAt = clock.instant();
        Application application;
        try {
            application = reader.read(submission.payload());
        } catch (InvalidSubmissionException invalid) {
            var rejection = rejections.record(submission, invalid, receivedAt);
            counter("blended.rejections", "Submissions refused as invalid", "channel", submission.channel().name())
                    .increment();
            log.info("Refused {} submission {} (rejection {}): {}", submission.channel(), submission.source(),
                    rejection.getId(), invalid.getMessage());
            throw invalid.recordedAs(rejection.getId());
        }

        long started = System.nanoTime();
        var lenderValues = values.factsFor(submission.lenderId());
        Assessment assessment = engine.evaluate(application, LocalDate.ofInstant(receivedAt, clock.getZone()), lenderValues);
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
        evaluationTimer.record(micros, TimeUnit.MICROSECONDS);

        ApplicationView view = recorder.record(submission, application, assessment, engine.ruleSetVersion(),
                receivedAt, micros);
        counter("blended.applications", "Applications decided", "channel", submission.channel().name(),
                "outcome", view.outcome().name()).increment();
        try (var ignored = MDC.putCloseable("applicationId", view.applicationId().toString())) {
            log.info("Decided {} application {} ({}): {} with {} reasons in {} us", submission.channel(),
                    application.getLenderReference(), application.getApplicant().getLegalName(), view.outcome(),
                    assessment.getReasons().size(), micros);
        }
        return view;
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(meters);
    }
}
