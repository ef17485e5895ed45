package org.blended.service.ruleset.build;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.scenariosimulation.api.model.Background;
import org.drools.scenariosimulation.api.model.ScenarioWithIndex;
import org.drools.scenariosimulation.api.model.Settings;
import org.drools.scenariosimulation.backend.runner.RuleScenarioRunner;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerDTO;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerData;
import org.kie.api.runtime.KieContainer;

/**
 * The Drools rule scenario runner, keeping after each scenario what its failed cells expected and
 * what the rules gave. The runner marks a failed cell and, for a single value, records the value
 * the rules gave; for a map or list it records only the expected item that failed, so the value is
 * read here from the fact the scenario gave, as the runner reads it.
 */
final class ExpectationRunner extends RuleScenarioRunner {

    private final Map<Integer, List<FailedExpectation>> failed = new HashMap<>();

    ExpectationRunner(KieContainer container, ScenarioRunnerDTO dto) {
        super(container, dto);
    }

    @Override
    protected void internalRunScenario(ScenarioWithIndex scenario, ScenarioRunnerData data, Settings settings,
                                       Background background) {
        try {
            super.internalRunScenario(scenario, data, settings, background);
        } finally {
            failed.put(scenario.getIndex(), FailedExpectations.of(scenarioRunnerDTO.getSimulationModelDescriptor(),
                    scenario.getScesimData(), data.getGivens()));
        }
    }

    /** The failed expectations of a scenario by its index; empty for one that passed or was not run. */
    List<FailedExpectation> failedExpectations(int index) {
        return failed.getOrDefault(index, List.of());
    }

    /** Every rule that fired in the last run, named as the runner names them. */
    Set<String> executedRules() {
        try {
            return getLastRunResultMetadata().map(m -> (Set<String>) new HashSet<>(m.getOutputCounter().keySet()))
                    .orElseGet(HashSet::new);
        } catch (RuntimeException incomplete) {
            return new HashSet<>(); // a run cut short: what fired counts as not exercised, never as a failed validation
        }
    }
}
