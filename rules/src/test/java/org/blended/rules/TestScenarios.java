package org.blended.rules;

import org.drools.scenariosimulation.backend.runner.ScenarioJunitActivator;
import org.junit.runner.RunWith;

/**
 * Runs every Drools Test Scenario (.scesim) on the test classpath. Not a test by itself: the
 * JUnit Platform's vintage engine would report 0 tests and let a failing scenario pass, so
 * {@link TestScenariosTest} runs it through JUnit 4's own runner and checks the result.
 * <p>
 * {@code eligibility.scesim} has a scenario per eligibility gate (E1-E5) and {@code criteria.scesim} one per
 * other criterion, given the application (nested properties),
 * its worked-out figures ({@code Metrics}) and net claims, and expecting the outcome and the reason
 * codes of the criteria concerned ({@code Assessment.reasonCodesByCriterion}, plain values such as
 * {@code {"E1": {"value": "E1-INELIGIBLE-FORM"}}} or {@code "none"}; scenarios hold no expressions);
 * {@code decision-matrix.scesim} covers every cell of D1 and {@code financial-boundaries.scesim}
 * every threshold, with values exactly on each boundary.
 */
@RunWith(ScenarioJunitActivator.class)
public class TestScenarios {
}
