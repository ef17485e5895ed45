package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.backend.fluent.RuleScenarioExecutableBuilder;
import org.drools.scenariosimulation.backend.runner.RuleScenarioRunner;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerDTO;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.junit.jupiter.api.Test;
import org.junit.runner.notification.RunNotifier;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;

/**
 * How much of the rule base the Test Scenarios exercise, as publishing measures it: the rows of the decision tables
 * (each row compiles to one rule, named by the row's Rule cell) that some scenario fires, with the rules the runner
 * reports as fired ({@code getLastRunResultMetadata()}), and the same for every rule. A rule set is published only
 * when at least 90% of its table rows are exercised ({@code blended.rule-sets.minimum-row-coverage}); the shipped
 * scenarios are held to that too. {@link ScenarioAdditions} adds scenarios for rows none fires.
 */
class ScenarioCoverageTest {

    private static final double MINIMUM_ROW_COVERAGE = 90.0;

    @Test
    void theScenariosExerciseAtLeastNinetyPercentOfTheTableRows() {
        KieContainer container = KieServices.get().getKieClasspathContainer();
        Map<String, String> rules = new TreeMap<>(); // the runner's key of each compiled rule -> its name
        for (KiePackage kiePackage : container.getKieBase().getKiePackages()) {
            kiePackage.getRules().forEach(rule -> rules.put(RuleScenarioExecutableBuilder.prettyFullyQualifiedName(rule), rule.getName()));
        }
        Map<String, String> rows = tableRows(); // rule name -> "file row n"
        assertThat(rules.values()).as("every table row is a rule of the compiled rule base").containsAll(rows.keySet());

        Set<String> fired = firedRules(container);

        List<String> unfiredRows = new ArrayList<>();
        List<String> unfiredRules = new ArrayList<>();
        int firedRows = 0;
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            boolean row = rows.containsKey(rule.getValue());
            if (fired.contains(rule.getKey())) {
                firedRows += row ? 1 : 0;
            } else if (row) {
                unfiredRows.add(rows.get(rule.getValue()) + " \"" + rule.getValue() + "\"");
            } else {
                unfiredRules.add(rule.getKey());
            }
        }
        unfiredRows.sort(null);
        int firedRules = (int) rules.keySet().stream().filter(fired::contains).count();
        double rowCoverage = 100.0 * firedRows / rows.size();
        System.out.printf("Scenario coverage: table rows %d of %d (%.1f%%), rules %d of %d (%.1f%%)%n",
                firedRows, rows.size(), rowCoverage, firedRules, rules.size(), 100.0 * firedRules / rules.size());
        unfiredRows.forEach(row -> System.out.println("  table row no scenario fires: " + row));
        unfiredRules.forEach(rule -> System.out.println("  rule (not of a table) no scenario fires: " + rule));

        assertThat(rowCoverage).as("table rows exercised (%%), unfired: %s", unfiredRows).isGreaterThanOrEqualTo(MINIMUM_ROW_COVERAGE);
    }

    /** The rules some scenario of some file fired, as the scenario runner counts them. */
    private static Set<String> firedRules(KieContainer container) {
        Set<String> fired = new TreeSet<>();
        for (Path scesim : scenarioFiles()) {
            ScenarioSimulationModel model;
            try {
                model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(Files.readString(scesim, StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(scesim + " could not be read", e);
            }
            RuleScenarioRunner runner = new RuleScenarioRunner(container, new ScenarioRunnerDTO(model, scesim.getFileName().toString()));
            runner.run(new RunNotifier()); // failures are TestScenariosTest's to report
            var metadata = runner.getLastRunResultMetadata();
            assertThat(metadata).as("coverage of " + scesim.getFileName()).isPresent();
            metadata.get().getOutputCounter().forEach((rule, times) -> {
                if (times != null && times > 0) {
                    fired.add(rule);
                }
            });
        }
        assertThat(fired).as("rules fired by the scenarios").isNotEmpty();
        return fired;
    }

    /** Every row of every decision table, by its rule name (the Rule cell), as "file row n" with its spreadsheet row. */
    private static Map<String, String> tableRows() {
        CsvLineParser csv = new CsvLineParser();
        Map<String, String> rows = new TreeMap<>();
        OneThresholdTest.ruleFiles().forEach((path, text) -> {
            if (!path.endsWith(".drl.csv")) {
                return;
            }
            String file = path.substring(path.lastIndexOf('/') + 1);
            List<String> lines = text.lines().toList();
            boolean body = false;
            for (int i = 0; i < lines.size(); i++) {
                List<String> cells = csv.parse(lines.get(i));
                String first = cells.isEmpty() ? "" : cells.get(0).strip();
                if (first.startsWith("RuleTable")) {
                    body = false; // another table of the same file: its rows follow its own label row
                } else if (body && !first.isEmpty()) {
                    String previous = rows.put(first, file + " row " + (i + 1));
                    assertThat(previous).as("rule name %s in two rows", first).isNull();
                } else if (first.equalsIgnoreCase("Rule")) {
                    body = true; // the label row: "Rule" heads the NAME column, the rows follow
                }
            }
        });
        assertThat(rows).as("table rows").isNotEmpty();
        return rows;
    }

    private static List<Path> scenarioFiles() {
        Path folder = Path.of("src", "test", "resources", "org", "blended", "rules");
        try (Stream<Path> paths = Files.list(folder)) {
            List<Path> files = paths.filter(p -> p.toString().endsWith(".scesim")).sorted().collect(Collectors.toCollection(ArrayList::new));
            assertThat(files).as("scenario files").hasSizeGreaterThanOrEqualTo(4);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
