package org.blended.service.ruleset.build;

import org.blended.service.ruleset.guard.ScenarioContentCheck;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import org.drools.scenariosimulation.api.model.FactMappingValue;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.ScenarioWithIndex;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;

/**
 * Writes accepted expectations into a Test Scenario file: each cell's expected value becomes the
 * value the rules gave, in the text the editor writes and the runner reads back. The file is read and
 * written with the scenario editor's own persistence, so it stays a file the editor opens.
 */
public final class AcceptedExpectations {

    /**
     * One cell to rewrite: the scenario's number and description (both must still match), the cell's
     * fact and column, the value it expected (it must still hold it) and the value it is to expect.
     */
    public record Cell(int index, String description, String fact, String column, String expected, String accepted) {
    }

    /** A cell that no longer holds what the validation saw: the file changed since. */
    public static class ChangedSinceException extends IllegalStateException {
        ChangedSinceException(String message) {
            super(message);
        }
    }

    private AcceptedExpectations() {
    }

    public static RuleSetFile write(RuleSetFile file, List<Cell> cells) {
        ScenarioSimulationModel model;
        try {
            model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(file.text());
        } catch (Exception e) {
            throw new IllegalStateException(file.name() + " could not be read as Test Scenarios: " + e.getMessage(), e);
        }
        List<ScenarioWithIndex> scenarios = model.getSimulation().getScenarioWithIndex();
        for (Cell cell : cells) {
            ScenarioWithIndex scenario = scenarios.stream().filter(s -> s.getIndex() == cell.index()).findFirst()
                    .orElseThrow(() -> new ChangedSinceException(file.name() + " has no scenario " + cell.index() + " any more"));
            if (!Objects.equals(scenario.getScesimData().getDescription(), cell.description())) {
                throw new ChangedSinceException(file.name() + " scenario " + cell.index() + " is now \""
                        + scenario.getScesimData().getDescription() + "\", not \"" + cell.description() + "\"");
            }
            FactMappingValue value = scenario.getScesimData().getUnmodifiableFactMappingValues().stream()
                    .filter(v -> v.getFactIdentifier() != null && v.getExpressionIdentifier() != null
                            && cell.fact().equals(v.getFactIdentifier().getName())
                            && cell.column().equals(v.getExpressionIdentifier().getName()))
                    .findFirst().orElseThrow(() -> new ChangedSinceException(file.name() + " scenario " + cell.index()
                            + " has no column " + cell.column() + " any more"));
            if (!Objects.equals(value.getRawValue(), cell.expected())) {
                throw new ChangedSinceException(file.name() + " scenario " + cell.index() + " no longer expects \""
                        + cell.expected() + "\"");
            }
            value.setRawValue(cell.accepted());
        }
        List<RuleSetProblem> expressions = ScenarioContentCheck.expressions(file.name(), model);
        if (!expressions.isEmpty()) { // a value the rules gave that reads as an expression cannot be expected
            throw new IllegalArgumentException(expressions.get(0).where() + ": " + expressions.get(0).message());
        }
        String written = ScenarioSimulationXMLPersistence.getInstance().marshal(model);
        return new RuleSetFile(file.path(), written.getBytes(StandardCharsets.UTF_8));
    }
}
