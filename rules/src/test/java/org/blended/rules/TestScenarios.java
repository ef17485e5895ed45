package org.blended.rules;

import org.drools.scenariosimulation.backend.runner.ScenarioJunitActivator;
import org.junit.runner.RunWith;

/**
 * Runs every Drools Test Scenario (.scesim) on the test classpath. Not a test by itself: the
 * JUnit Platform's vintage engine would report 0 tests and let a failing scenario pass, so
 * {@link TestScenariosTest} runs it through JUnit 4's own runner and checks the result.
 * <p>
 * The scenarios give the worked-out figures ({@code Metrics}) and net claims, which is where the
 * thresholds and the decision matrix live. Application facts with nested properties built by the
 * scenario runner did not match the rules' patterns under Drools 10.1 (not yet understood), so
 * the application-level rules are checked by {@link ExampleApplicationsTest} instead.
 */
@RunWith(ScenarioJunitActivator.class)
public class TestScenarios {
}
