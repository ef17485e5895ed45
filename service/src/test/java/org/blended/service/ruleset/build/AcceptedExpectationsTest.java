package org.blended.service.ruleset.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.blended.service.ruleset.InMemoryRuleBase;
import org.blended.service.ruleset.RuleSetEdits;
import org.blended.service.ruleset.guard.RuleContentGuard;
import org.blended.service.ruleset.source.RuleSetFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.drools.scenariosimulation.api.model.FactMappingValue;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieContainer;

/** Writing the values a draft gives into its Test Scenario files, as the new expectations. */
class AcceptedExpectationsTest {

    private static final String DEBT_SERVICE_COVER = "org/blended/rules/financial/debt-service-cover.drl.csv";

    private static KieContainer stricter;
    private final RuleSetScenarios scenarios = new RuleSetScenarios();

    @BeforeAll
    static void greenCoverFromTwo() {
        Map<String, byte[]> rules = new TreeMap<>(InMemoryRuleBase.shippedFiles());
        String table = new String(rules.get(DEBT_SERVICE_COVER), StandardCharsets.UTF_8);
        String edited = RuleSetEdits.greenCoverFromTwo(table);
        rules.put(DEBT_SERVICE_COVER, edited.getBytes(StandardCharsets.UTF_8));
        stricter = InMemoryRuleBase.build(rules);
    }

    @Test
    void acceptedValuesMakeTheFailingScenariosPassAndTouchNothingElse() throws Exception {
        List<RuleSetFile> files = InMemoryRuleBase.shippedScenarios();
        List<ScenarioResult> before = scenarios.run(stricter, files);
        List<ScenarioResult> failed = before.stream().filter(r -> !r.passed()).toList();
        assertThat(failed).hasSizeGreaterThan(5).allMatch(ScenarioResult::acceptable);

        List<RuleSetFile> rewritten = new ArrayList<>();
        for (RuleSetFile file : files) {
            List<AcceptedExpectations.Cell> cells = failed.stream().filter(r -> r.file().equals(file.name()))
                    .flatMap(r -> r.expectations().stream().map(e -> new AcceptedExpectations.Cell(r.index(), r.description(),
                            e.fact(), e.column(), e.expected(), e.actual()))).toList();
            rewritten.add(cells.isEmpty() ? file : AcceptedExpectations.write(file, cells));
        }

        assertThat(new RuleContentGuard().check(rewritten)).as("the content check takes what was written").isEmpty();
        List<ScenarioResult> after = scenarios.run(stricter, rewritten);
        assertThat(after).hasSameSizeAs(before).allMatch(ScenarioResult::passed);
        // only the failed cells changed: every other cell of every file reads as before
        for (int i = 0; i < files.size(); i++) {
            Map<String, Object> was = cells(files.get(i));
            Map<String, Object> now = cells(rewritten.get(i));
            String name = files.get(i).name();
            List<String> changed = failed.stream().filter(r -> r.file().equals(name))
                    .flatMap(r -> r.expectations().stream().map(e -> r.index() + "/" + e.fact() + "/" + e.column())).toList();
            assertThat(now.keySet()).isEqualTo(was.keySet());
            was.forEach((cell, value) -> {
                if (!changed.contains(cell)) {
                    assertThat(now.get(cell)).as(name + " " + cell).isEqualTo(value);
                }
            });
        }
    }

    @Test
    void aMapCellKeepsItsKeysAndTakesTheirValuesInTheEditorsForm() {
        String written = FailedExpectations.written("java.util.Map", "{\"I5\":{\"value\":\"I5-PRIORITY-HIRES\"},\"I11\":{\"value\":\"none\"}}",
                Map.of("I5", "D1-EVIDENCE-HIRES,I5-PRIORITY-HIRES", "I11", "I11-SELF-REPORTED", "F1", "F1-AMBER"));
        assertThat(written).isEqualTo("{\"I5\":{\"value\":\"D1-EVIDENCE-HIRES,I5-PRIORITY-HIRES\"},\"I11\":{\"value\":\"I11-SELF-REPORTED\"}}");
        assertThat(FailedExpectations.shown(written)).isEqualTo("I5: D1-EVIDENCE-HIRES,I5-PRIORITY-HIRES; I11: I11-SELF-REPORTED");
        assertThat(FailedExpectations.written("org.blended.rules.assessment.FinancialBand", "GREEN",
                org.blended.rules.assessment.FinancialBand.AMBER)).isEqualTo("AMBER");
        assertThat(FailedExpectations.written("java.lang.Integer", "3", 1)).isEqualTo("1");
        assertThat(FailedExpectations.written("java.util.List", "[{\"value\":\"a\"}]", List.of("b", "c")))
                .isEqualTo("[{\"value\":\"b\"},{\"value\":\"c\"}]");
        // typed as a text into a map cell: not a value this service writes back
        assertThat(FailedExpectations.written("java.util.Map", "\"anything\"", Map.of())).isNull();
    }

    /** financial-boundaries.scesim's column EXPECT-38: F1's rating, as the scenario editor writes a map. */
    private static final String RATED_GREEN = "{\"F1\":{\"value\":\"GREEN\"}}";
    private static final String RATED_AMBER = "{\"F1\":{\"value\":\"AMBER\"}}";
    private static final String RATED_RED = "{\"F1\":{\"value\":\"RED\"}}";

    @Test
    void aCellThatChangedSinceTheValidationIsNotOverwritten() {
        RuleSetFile boundaries = file("financial-boundaries.scesim");
        String description = "Debt service cover exactly 1.25 is green";
        assertThatThrownBy(() -> AcceptedExpectations.write(boundaries, List.of(
                new AcceptedExpectations.Cell(1, description, "assessment", "EXPECT-38", RATED_AMBER, RATED_RED))))
                .isInstanceOf(AcceptedExpectations.ChangedSinceException.class).hasMessageContaining("no longer expects \"" + RATED_AMBER + "\"");
        assertThatThrownBy(() -> AcceptedExpectations.write(boundaries, List.of(
                new AcceptedExpectations.Cell(1, "another scenario", "assessment", "EXPECT-38", RATED_GREEN, RATED_AMBER))))
                .isInstanceOf(AcceptedExpectations.ChangedSinceException.class).hasMessageContaining(description);
        RuleSetFile written = AcceptedExpectations.write(boundaries, List.of(
                new AcceptedExpectations.Cell(1, description, "assessment", "EXPECT-38", RATED_GREEN, RATED_AMBER)));
        assertThat(cells(written)).containsEntry("1/assessment/EXPECT-38", RATED_AMBER);
    }

    @Test
    void aValueThatReadsAsAnExpressionIsNeverWritten() {
        RuleSetFile boundaries = file("financial-boundaries.scesim");
        assertThatThrownBy(() -> AcceptedExpectations.write(boundaries, List.of(new AcceptedExpectations.Cell(1,
                "Debt service cover exactly 1.25 is green", "assessment", "EXPECT-38", RATED_GREEN, " # new java.io.File(\"x\")"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expressions are not allowed");
    }

    private static RuleSetFile file(String name) {
        return InMemoryRuleBase.shippedScenarios().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every cell of a file by scenario number, fact and column. */
    private static Map<String, Object> cells(RuleSetFile file) {
        ScenarioSimulationModel model;
        try {
            model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(file.text());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Map<String, Object> cells = new LinkedHashMap<>();
        model.getSimulation().getScenarioWithIndex().forEach(s -> {
            for (FactMappingValue v : s.getScesimData().getUnmodifiableFactMappingValues()) {
                cells.put(s.getIndex() + "/" + v.getFactIdentifier().getName() + "/" + v.getExpressionIdentifier().getName(),
                        v.getRawValue());
            }
        });
        return cells;
    }
}
