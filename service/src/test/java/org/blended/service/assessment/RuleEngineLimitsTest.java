package org.blended.service.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Reason;
import org.blended.service.Examples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/** The firing and time limits on their own: no Spring, no database. */
class RuleEngineLimitsTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 25);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String EXAMPLE = "bakery-cic.json";

    private static KieBase rules;

    @BeforeAll
    static void compile() {
        rules = TestRules.runaway();
        new CompiledRuleSet(1, "warm-up", rules).assess(application("WARM-UP"), ON, List.of()); // loads what the rules need
    }

    @Test
    void aRuleThatFiresForEverStopsAtTheFiringLimitAndSaysSo() {
        CompiledRuleSet storm = new CompiledRuleSet(7, "storm-test", rules);

        EvaluationLimitException failed = catchThrowableOfType(EvaluationLimitException.class,
                () -> storm.assess(application("STORM-1"), ON, List.of()));

        assertThat(failed.limit()).isEqualTo(EvaluationLimitException.Limit.FIRINGS);
        assertThat(failed).hasMessage("rule set storm-test fired more than 10,000 rules without reaching a decision");
    }

    @Test
    void theConfiguredFiringLimitAppliesToEveryRuleSet() {
        // The shipped rules fire about 43 times for an application: ten are not enough to decide.
        try (RuleEngine engine = new RuleEngine(new EvaluationLimits(10, Duration.ofSeconds(30)))) {
            CompiledRuleSet shippedOnly = new CompiledRuleSet(1, "shipped-test", rules);
            engine.activate(shippedOnly);

            assertThat(catchThrowableOfType(EvaluationLimitException.class, () -> engine.evaluate(application("NORMAL-1"), ON)))
                    .hasMessage("rule set shipped-test fired more than 10 rules without reaching a decision");
        }
        try (RuleEngine engine = new RuleEngine(EvaluationLimits.DEFAULTS)) {
            engine.activate(new CompiledRuleSet(1, "shipped-test", rules));
            assertThat(engine.evaluate(application("NORMAL-2"), ON).getOutcome().name())
                    .isEqualTo(Examples.expectedOutcomes().get(EXAMPLE));
        }
    }

    @Test
    void aSessionStoppedAtTheLimitGoesBackToThePoolEmpty() {
        CompiledRuleSet storm = new CompiledRuleSet(7, "storm-test", rules);
        Assessment fresh = new CompiledRuleSet(8, "fresh", rules).assess(application("NORMAL-3"), ON, List.of());
        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(EvaluationLimitException.class, () -> storm.assess(application("STORM-2"), ON, List.of()));
        }

        // The pool has one session, used by the storms: nothing of theirs may be left in it.
        Assessment after = storm.assess(application("NORMAL-3"), ON, List.of());

        assertThat(after.getOutcome()).isEqualTo(fresh.getOutcome());
        assertThat(after.getReasons()).extracting(Reason::getCode).isEqualTo(fresh.getReasons().stream().map(Reason::getCode).toList());
        assertThat(after.getSocialValuePerPound()).isEqualTo(fresh.getSocialValuePerPound());
    }

    @Test
    void aMerelySlowRuleSetHitsTheTimeLimitAndItsSessionIsHalted() {
        // ENDLESS would keep a worker for about a quarter of an hour if it were not halted.
        try (RuleEngine engine = new RuleEngine(new EvaluationLimits(10_000_000, Duration.ofMillis(300)))) {
            engine.activate(new CompiledRuleSet(9, "slow-test", rules));
            long started = System.nanoTime();

            EvaluationLimitException failed = catchThrowableOfType(EvaluationLimitException.class,
                    () -> engine.evaluate(application("ENDLESS-1"), ON));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("did not hang").isLessThan(Duration.ofSeconds(10));
            assertThat(failed.limit()).isEqualTo(EvaluationLimitException.Limit.TIME);
            assertThat(failed).hasMessage("rule set slow-test did not reach a decision within 300 ms");
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.busyWorkers() == 0);
            assertThat(engine.evaluate(application("NORMAL-4"), ON).getOutcome()).isNotNull();
        }
    }

    @Test
    void closingHaltsAnEvaluationUnderWayAndRefusesNewOnes() throws Exception {
        RuleEngine engine = new RuleEngine(new EvaluationLimits(10_000_000, Duration.ofMinutes(10)));
        engine.activate(new CompiledRuleSet(9, "slow-test", rules));
        var endless = java.util.concurrent.CompletableFuture.supplyAsync(() -> engine.evaluate(application("ENDLESS-2"), ON));
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.busyWorkers() == 1);

        engine.close();

        assertThat(catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                () -> endless.get(30, java.util.concurrent.TimeUnit.SECONDS)))
                .hasCauseInstanceOf(EvaluationStoppedException.class);
        assertThat(catchThrowableOfType(EvaluationStoppedException.class, () -> engine.evaluate(application("NORMAL-5"), ON)))
                .hasMessageContaining("the service is stopping");
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.busyWorkers() == 0);
    }

    private static Application application(String reference) {
        try {
            return JSON.readValue(Examples.withReference(EXAMPLE, reference), Application.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
