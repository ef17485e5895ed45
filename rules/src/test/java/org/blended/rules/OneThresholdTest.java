package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.ScenarioWithIndex;
import org.drools.scenariosimulation.backend.runner.AbstractScenarioRunner;
import org.drools.scenariosimulation.backend.runner.RuleScenarioRunner;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerDTO;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.junit.jupiter.api.Test;
import org.junit.runner.Description;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;
import org.junit.runner.notification.RunNotifier;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Changing one threshold fails only the Test Scenarios of that criterion and the matrix cells it feeds: the rule base
 * is compiled at run time with one table cell changed, as the service compiles a draft, and every scenario is run
 * against it. Criterion scenarios expect their own criterion's values only ({@link ScenarioRewrite}), so a scenario
 * named after another criterion that failed here would be testing more than it names.
 */
class OneThresholdTest {

    private static final String RULES = "org/blended/rules/";
    private static final String DEBT_SERVICE_COVER = RULES + "financial/debt-service-cover.drl.csv";
    private static final String LOAN_TO_VALUE = RULES + "financial/loan-to-value.drl.csv";
    private static final List<String> RULE_FILES = List.of(".drl", ".drl.csv", ".xls", ".xlsx");
    private static final AtomicInteger BUILDS = new AtomicInteger();

    @Test
    void raisingTheDebtServiceCoverNeededForGreenFailsOnlyF1AndMatrixScenarios() {
        String table = ruleFiles().get(DEBT_SERVICE_COVER);
        String changed = withThreshold(table, "F1 Debt service cover we look for", "1.25", "2.0");

        Map<String, String> failed = failingScenarios(DEBT_SERVICE_COVER, changed);

        assertOnlyScenariosOf("F1", failed);
        assertThat(failed.keySet()).as("F1's own boundary scenario").contains("financial-boundaries: Debt service cover exactly 1.25 is green");
    }

    @Test
    void loweringTheLoanToValueAllowedForGreenFailsOnlyF2AndMatrixScenarios() {
        String table = ruleFiles().get(LOAN_TO_VALUE);
        String changed = withThreshold(table, "F2 Loan to value we look for", "70", "60");

        Map<String, String> failed = failingScenarios(LOAN_TO_VALUE, changed);

        assertOnlyScenariosOf("F2", failed);
        assertThat(failed.keySet()).as("F2's own scenario").contains("criteria: F2 loan to value of exactly 70% is green");
    }

    private static void assertOnlyScenariosOf(String criterion, Map<String, String> failed) {
        assertThat(failed).as("some scenario fails when " + criterion + "'s threshold changes").isNotEmpty();
        assertThat(failed).allSatisfy((scenario, failure) -> {
            String file = scenario.substring(0, scenario.indexOf(": "));
            String description = scenario.substring(scenario.indexOf(": ") + 2);
            boolean matrix = (file + ".scesim").equals(ScenarioCriterion.MATRIX);
            assertThat(matrix || ScenarioCriterion.of(description).equals(Optional.of(criterion)))
                    .as("%s fails (%s) but is neither a %s scenario nor a matrix cell", scenario, failure, criterion).isTrue();
        });
    }

    /**
     * Moves one threshold of a band table: the named row must hold {@code from} as a bound, and every bound cell of
     * the table that holds it (the next band's matching bound, the "next band from" column) gets {@code to}, so that
     * the bands still meet. Bound cells are those of columns whose label says from, below, over, up to or above.
     * Written for tables with a "from, below" pair per cell as well as one column per bound.
     */
    static String withThreshold(String table, String ruleName, String from, String to) {
        CsvLineParser csv = new CsvLineParser();
        List<String> lines = table.lines().toList();
        int labels = -1;
        for (int i = 0; i < lines.size() && labels < 0; i++) {
            List<String> cells = csv.parse(lines.get(i));
            if (!cells.isEmpty() && cells.get(0).strip().equalsIgnoreCase("Rule")) {
                labels = i; // the label row: "Rule" heads the NAME column
            }
        }
        assertThat(labels).as("label row (starting \"Rule\")").isNotNegative();
        List<String> label = csv.parse(lines.get(labels));
        List<Integer> bounds = new ArrayList<>();
        for (int c = 0; c < label.size(); c++) {
            String l = " " + label.get(c).toLowerCase(Locale.ROOT) + " ";
            if (Stream.of(" from", "below", " over", "up to", "above").anyMatch(l::contains)) {
                bounds.add(c);
            }
        }
        List<String> out = new ArrayList<>(lines.subList(0, labels + 1));
        boolean named = false;
        for (String line : lines.subList(labels + 1, lines.size())) {
            List<String> cells = new ArrayList<>(csv.parse(line));
            if (cells.isEmpty() || cells.get(0).isBlank()) {
                out.add(line);
                continue;
            }
            boolean changed = false;
            for (int c : bounds) {
                if (c < cells.size() && numbers(cells.get(c)).contains(from)) {
                    cells.set(c, numbers(cells.get(c)).stream().map(n -> n.equals(from) ? to : n).collect(Collectors.joining(", ")));
                    changed = true;
                    named |= cells.get(0).strip().equals(ruleName);
                }
            }
            out.add(changed ? cells.stream().map(OneThresholdTest::csvCell).collect(Collectors.joining(",")) : line);
        }
        assertThat(named).as("row \"%s\" with a bound of %s", ruleName, from).isTrue();
        return String.join("\n", out) + "\n";
    }

    private static List<String> numbers(String cell) {
        return Stream.of(cell.split(",")).map(String::strip).filter(n -> n.matches("-?\\d+(\\.\\d+)?")).toList();
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** Compiles the rule base with one file changed and runs every scenario file; the failing ones, as "file: description". */
    private static Map<String, String> failingScenarios(String path, String changedText) {
        Map<String, String> files = ruleFiles();
        assertThat(changedText).as("the changed " + path).isNotEqualTo(files.get(path));
        files.put(path, changedText);
        KieContainer container = build(files);
        try {
            Map<String, String> failed = new TreeMap<>();
            int run = 0;
            Map<String, Integer> failedByFile = new LinkedHashMap<>();
            for (Path scesim : scenarioFiles()) {
                Map<String, String> failures = run(container, scesim);
                String file = scesim.getFileName().toString().replace(".scesim", "");
                run += scenarioCount(scesim);
                failedByFile.put(file, failures.size());
                failures.forEach((description, failure) -> failed.put(file + ": " + description, failure));
            }
            System.out.printf("%s changed: %d of %d scenarios fail %s%n", path, failed.size(), run, failedByFile);
            failed.forEach((scenario, failure) -> System.out.println("  " + scenario + ": " + failure));
            assertThat(failed.size()).as("scenarios failing, of those run").isLessThan(run);
            return failed;
        } finally {
            container.dispose();
        }
    }

    /** The failing scenarios of one file, by description, with their failure. */
    private static Map<String, String> run(KieContainer container, Path scesim) {
        ScenarioSimulationModel model;
        try {
            model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(Files.readString(scesim, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(scesim + " could not be read", e);
        }
        String name = scesim.getFileName().toString();
        ScenarioRunnerDTO dto = new ScenarioRunnerDTO(model, name);
        Map<Description, String> descriptions = new LinkedHashMap<>();
        for (ScenarioWithIndex scenario : dto.getScenarioWithIndices()) {
            descriptions.put(AbstractScenarioRunner.getDescriptionForScenario(Optional.of(name), scenario.getIndex(),
                    scenario.getScesimData().getDescription()), scenario.getScesimData().getDescription());
        }
        Map<String, String> failures = new LinkedHashMap<>();
        RunNotifier notifier = new RunNotifier();
        notifier.addListener(new RunListener() {
            @Override
            public void testFailure(Failure failure) {
                String description = descriptions.getOrDefault(failure.getDescription(), failure.getDescription().getDisplayName());
                Throwable cause = failure.getException().getCause() != null ? failure.getException().getCause() : failure.getException();
                failures.putIfAbsent(description, String.valueOf(cause.getMessage()));
            }
        });
        // the runner opens the file's session (dmoSession) from the container it is given, as the service runs a draft's
        new RuleScenarioRunner(container, dto).run(notifier);
        return failures;
    }

    private static int scenarioCount(Path scesim) {
        try {
            return ScenarioSimulationXMLPersistence.getInstance().unmarshal(Files.readString(scesim, StandardCharsets.UTF_8))
                    .getSimulation().getUnmodifiableData().size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule base as the service compiles a rule set: executable model, a release id of its own, the kmodule on the classpath. */
    private static KieContainer build(Map<String, String> files) {
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("org.blended.rules.test", "one-threshold", "1." + BUILDS.incrementAndGet());
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(resource("META-INF/kmodule.xml"));
        files.forEach((path, text) -> kfs.write("src/main/resources/" + path, text.getBytes(StandardCharsets.UTF_8)));
        ClassLoader classLoader = OneThresholdTest.class.getClassLoader();
        KieBuilder builder = kie.newKieBuilder(kfs, classLoader).buildAll(ExecutableModelProject.class);
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).as("build errors").isEmpty();
        try {
            return kie.newKieContainer(releaseId, classLoader);
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    /** Every rule file of the rule base on the classpath (DRL and tables), by path under the resources root. */
    static Map<String, String> ruleFiles() {
        Path root = pathOf(DEBT_SERVICE_COVER);
        for (int i = DEBT_SERVICE_COVER.split("/").length; i > 0; i--) {
            root = root.getParent(); // up to the folder the resource path starts from
        }
        try (Stream<Path> paths = Files.walk(root.resolve(RULES))) {
            Map<String, String> files = new TreeMap<>();
            for (Path file : paths.filter(Files::isRegularFile).filter(p -> RULE_FILES.stream().anyMatch(p.toString()::endsWith)).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
            assertThat(files).as("rule files").containsKeys(DEBT_SERVICE_COVER, LOAN_TO_VALUE);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every scenario file on the test classpath. */
    private static List<Path> scenarioFiles() {
        try (Stream<Path> paths = Files.list(pathOf(RULES + ScenarioCriterion.MATRIX).getParent())) {
            List<Path> files = paths.filter(p -> p.toString().endsWith(".scesim")).sorted().toList();
            assertThat(files).as("scenario files").hasSizeGreaterThanOrEqualTo(4);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classpath resource as a path: the rules and scenarios are read from the build's folders, not a jar. */
    private static Path pathOf(String resource) {
        URL url = OneThresholdTest.class.getClassLoader().getResource(resource);
        assertThat(url).as(resource + " on the classpath").isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = OneThresholdTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
