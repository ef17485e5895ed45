package org.blended.service.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.MeasureValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The active rule set, and where every evaluation runs: on a small pool of worker threads, within
 * {@link EvaluationLimits}. Publishing swaps the active version in one step: an evaluation takes
 * the active version once, finishes on it even if another is published meanwhile, and its
 * decision names it. Past the time limit the caller gets the failure at once while the session
 * is halted, so one runaway evaluation holds up neither its route nor anyone else's.
 */
@Component
@EnableConfigurationProperties(EvaluationLimits.class)
public class RuleEngine implements ApplicationListener<ContextClosedEvent>, Ordered, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final AtomicReference<CompiledRuleSet> active = new AtomicReference<>();
    private final EvaluationLimits limits;
    /** Evaluations are CPU work: about one worker per core; callers beyond that wait their turn. */
    private final ThreadPoolExecutor workers;
    /** Evaluations under way, to halt when the service stops. */
    private final Set<Evaluation> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public RuleEngine(EvaluationLimits limits) {
        this.limits = limits;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger numbers = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "rule-evaluation-" + numbers.incrementAndGet());
            thread.setDaemon(true); // a runaway evaluation must never keep the JVM from exiting
            return thread;
        });
    }

    /** The version new applications are assessed with. */
    public CompiledRuleSet active() {
        CompiledRuleSet rules = active.get();
        if (rules == null) {
            throw new IllegalStateException("No rule set is active yet");
        }
        return rules;
    }

    /** Makes the given version the one new evaluations use; evaluations under way keep theirs. */
    public void activate(CompiledRuleSet rules) {
        CompiledRuleSet before = active.getAndSet(rules);
        if (before == null || before.version() != rules.version()) {
            log.info("Rule set {} (version {}) is now active{}", rules.label(), rules.version(),
                    before == null ? "" : " in place of " + before.label());
        }
    }

    public EvaluationLimits limits() {
        return limits;
    }

    /** Assesses with the active version. */
    public Assessment evaluate(Application application, LocalDate assessedOn) {
        return evaluate(application, assessedOn, List.of());
    }

    /** The same, with the lender's own measure values beside the application. */
    public Assessment evaluate(Application application, LocalDate assessedOn, List<MeasureValue> lenderValues) {
        return evaluate(active(), application, assessedOn, lenderValues);
    }

    /**
     * Assesses with the given version on a worker, within the firing and time limits.
     *
     * @throws EvaluationFailedException  when the rule set goes past a limit ({@link EvaluationLimitException}),
     *                                    fails or reaches no outcome
     * @throws EvaluationStoppedException when the service is stopping
     */
    public Assessment evaluate(CompiledRuleSet rules, Application application, LocalDate assessedOn,
                               List<MeasureValue> lenderValues) {
        Evaluation evaluation = new Evaluation(limits.maxFirings());
        running.add(evaluation);
        try {
            if (closed) { // checked after joining running: close() either sees this evaluation or is seen here
                throw stopping();
            }
            Future<Assessment> result;
            try {
                result = workers.submit(() -> rules.assess(application, assessedOn, lenderValues, evaluation));
            } catch (RejectedExecutionException e) {
                throw stopping();
            }
            return await(result, evaluation, rules);
        } finally {
            running.remove(evaluation);
        }
    }

    private Assessment await(Future<Assessment> result, Evaluation evaluation, CompiledRuleSet rules) {
        try {
            return result.get(limits.evaluationTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            EvaluationLimitException tooLong = EvaluationLimitException.time(rules.label(), limits.evaluationTimeout());
            evaluation.stop(tooLong);
            result.cancel(true); // one still waiting for a worker never starts
            throw tooLong;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) { // by close(), before it started
            throw stopping();
        } catch (InterruptedException e) {
            EvaluationStoppedException stopped = new EvaluationStoppedException("the evaluation was interrupted");
            evaluation.stop(stopped);
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw stopped;
        }
    }

    /**
     * The service is stopping: evaluations under way are halted at once rather than waited for
     * (their callers get {@link EvaluationStoppedException} and leave their work to be done
     * again), before Camel and the web server start waiting for the work in their hands.
     */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        close();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    @PreDestroy
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.shutdownNow().forEach(waiting -> ((Future<?>) waiting).cancel(false));
        EvaluationStoppedException stopping = stopping();
        running.forEach(evaluation -> evaluation.stop(stopping));
        log.info("Rule evaluation stopped; evaluations under way were halted");
    }

    /** Evaluations under way (handed to the workers and not yet answered). */
    int running() {
        return running.size();
    }

    /** Workers evaluating now, answered or not: a halted evaluation leaves its worker once its session stops. */
    int busyWorkers() {
        return workers.getActiveCount();
    }

    private static EvaluationStoppedException stopping() {
        return new EvaluationStoppedException("the service is stopping; the application was not assessed");
    }
}
