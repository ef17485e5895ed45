package org.blended.service.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.service.Examples;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

/**
 * A quick loop, not a benchmark: the time one evaluation of the example mix takes, the way it ran
 * before the limits (a new stateless session in the caller's thread) and the way it runs now (a
 * pooled session on an evaluation worker, within the limits), taking turns so that whatever else
 * the machine does weighs on both alike. Its name keeps it out of the test suite; run it by name:
 * {@code ./mvnw -B -o -q -pl service -am verify -Dtest=EvaluationTimingLoop -Dsurefire.failIfNoSpecifiedTests=false}
 */
class EvaluationTimingLoop {

    private static final LocalDate ON = LocalDate.of(2026, 11, 25);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int EVALUATIONS = 20_000;

    @Test
    void evaluationsOfTheExampleMix() throws Exception {
        KieBase kieBase = KieServices.get().getKieClasspathContainer().getKieBase("blended");
        CompiledRuleSet rules = new CompiledRuleSet(1, "timing", kieBase);
        List<String> mix = new ArrayList<>(Examples.expectedOutcomes().keySet());
        try (RuleEngine engine = new RuleEngine(EvaluationLimits.DEFAULTS)) {
            engine.activate(rules);
            Consumer<Application> stateless = application -> {
                Assessment assessment = new Assessment(ON);
                kieBase.newStatelessKieSession().execute(List.of(application, assessment));
            };
            Consumer<Application> pooledHere = application -> rules.assess(application, ON, List.of());
            Consumer<Application> onWorkers = application -> engine.evaluate(application, ON);
            for (int round = 0; round < 4; round++) { // the first rounds warm the JIT up
                System.out.printf("round %d, one caller: before %.1f us, pooled session in the caller's thread %.1f us, "
                                + "now (pooled session on a worker, with limits) %.1f us per evaluation%n", round,
                        micros(stateless, mix, EVALUATIONS), micros(pooledHere, mix, EVALUATIONS), micros(onWorkers, mix, EVALUATIONS));
            }
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 2; round++) {
                    System.out.printf("round %d, four callers at once: before %.1f us, now %.1f us of wall time per evaluation%n",
                            round, wallMicros(callers, stateless, mix), wallMicros(callers, onWorkers, mix));
                }
            } finally {
                callers.shutdown();
            }
        }
    }

    private static double wallMicros(ExecutorService callers, Consumer<Application> evaluation, List<String> mix) throws Exception {
        long started = System.nanoTime();
        List<Future<Double>> each = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            each.add(callers.submit(() -> micros(evaluation, mix, EVALUATIONS / 4)));
        }
        for (Future<Double> f : each) {
            f.get();
        }
        return (System.nanoTime() - started) / 1_000.0 / EVALUATIONS;
    }

    private static double micros(Consumer<Application> evaluation, List<String> mix, int count) {
        List<Application> applications = new ArrayList<>(count); // rules may change the facts: a copy each
        for (int i = 0; i < count; i++) {
            applications.add(read(Examples.raw(mix.get(i % mix.size()))));
        }
        long started = System.nanoTime();
        applications.forEach(evaluation);
        return (System.nanoTime() - started) / 1_000.0 / count;
    }

    private static Application read(String json) {
        try {
            return JSON.readValue(json, Application.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
