package org.blended.rules;

import org.drools.scenariosimulation.backend.runner.ScenarioJunitActivator;
import org.junit.runner.RunWith;

/**
 * Runs every Drools Test Scenario (.scesim) on the test classpath. Not a test by itself: the
 * JUnit Platform's vintage engine would report 0 tests and let a failing scenario pass, so
 * {@link TestScenariosTest} runs it through JUnit 4's own runner and checks the result.
 * <p>
 * {@code eligibility.scesim} has scenarios per eligibility gate (E1-E5), {@code criteria.scesim} per other
 * criterion and {@code financial-boundaries.scesim} per financial threshold, with values exactly on each boundary.
 * Each expects only its own criterion's reason codes, rating and points ({@code Assessment.reasonCodesByCriterion},
 * {@code ratingsByCriterion}, {@code pointsByCriterion}: plain values such as {@code {"F1": {"value": "GREEN"}}};
 * scenarios hold no expressions), so that changing one threshold fails only that criterion's scenarios
 * ({@link OneThresholdTest}). Outcomes and bands are expected in {@code decision-matrix.scesim} only, which covers
 * every cell of D1. {@link ScenarioRewrite} writes the criterion files' expectations and {@link ScenarioAdditions} adds scenarios for
 * table rows none fired ({@link ScenarioCoverageTest}); nobody edits them by hand.
 */
@RunWith(ScenarioJunitActivator.class)
public class TestScenarios {
}
