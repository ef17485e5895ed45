package org.blended.service.ruleset.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.ruleset.InMemoryRuleBase;
import org.blended.service.ruleset.RuleSetEdits;
import org.blended.service.ruleset.source.RuleSetFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieContainer;

/** The shipped Test Scenarios, run against rule bases built in memory as uploaded rule sets are. */
class RuleSetScenariosTest {

    private static final String DEBT_SERVICE_COVER = "org/blended/rules/financial/debt-service-cover.drl.csv";

    private static KieContainer shipped;
    private final RuleSetScenarios scenarios = new RuleSetScenarios();

    @BeforeAll
    static void buildShippedRuleBase() {
        long started = System.nanoTime();
        shipped = InMemoryRuleBase.build(InMemoryRuleBase.shippedFiles());
        System.out.printf("Shipped rule base built in memory in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void everyShippedScenarioPassesAgainstTheShippedRules() {
        List<RuleSetFile> files = InMemoryRuleBase.shippedScenarios();
        assertThat(files).hasSize(4);

        long started = System.nanoTime();
        List<ScenarioResult> results = scenarios.run(shipped, files);
        System.out.printf("%d scenarios run in %d ms%n", results.size(), (System.nanoTime() - started) / 1_000_000);

        assertThat(results).hasSizeGreaterThanOrEqualTo(81);
        assertThat(results).filteredOn(r -> !r.passed()).isEmpty();
        assertThat(results).allSatisfy(r -> assertThat(r.failure()).isNull());
        // file order, then scenario order
        assertThat(results.stream().map(ScenarioResult::file).distinct())
                .containsExactly("criteria.scesim", "decision-matrix.scesim", "eligibility.scesim", "financial-boundaries.scesim");
        List<Integer> matrix = results.stream().filter(r -> r.file().equals("decision-matrix.scesim")).map(ScenarioResult::index).toList();
        assertThat(matrix).hasSizeGreaterThanOrEqualTo(15)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, matrix.size()).boxed().toList());
        assertThat(results.get(0).description()).isNotBlank();
    }

    @Test
    void aChangedExpectationFailsOnlyItsScenario() {
        // the first expected outcome APPROVE in decision-matrix.scesim becomes DECLINE
        String expected = "<rawValue class=\"string\">APPROVE</rawValue>";
        List<RuleSetFile> files = new ArrayList<>(InMemoryRuleBase.shippedScenarios());
        int position = files.stream().map(RuleSetFile::name).toList().indexOf("decision-matrix.scesim");
        String text = files.get(position).text();
        int at = text.indexOf(expected);
        assertThat(at).isPositive();
        int changedIndex = text.substring(0, at).split("<Scenario>", -1).length - 1;
        text = text.substring(0, at) + expected.replace("APPROVE", "DECLINE") + text.substring(at + expected.length());
        files.set(position, new RuleSetFile(files.get(position).path(), text.getBytes(StandardCharsets.UTF_8)));

        List<ScenarioResult> results = scenarios.run(shipped, files);

        List<ScenarioResult> failed = results.stream().filter(r -> !r.passed()).toList();
        System.out.println("Changed expectation: " + failed);
        assertThat(failed).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("decision-matrix.scesim");
            assertThat(r.index()).isEqualTo(changedIndex);
            assertThat(r.failure()).contains("Assessment.outcome").contains("DECLINE");
        });
        assertThat(results).hasSizeGreaterThanOrEqualTo(81);
    }

    @Test
    void aChangedRuleFailsTheScenariosThatCoverIt() {
        Map<String, byte[]> rules = new TreeMap<>(InMemoryRuleBase.shippedFiles());
        String table = new String(rules.get(DEBT_SERVICE_COVER), StandardCharsets.UTF_8);
        String changed = RuleSetEdits.higherCoverThreshold(table);
        assertThat(changed).isNotEqualTo(table);
        rules.put(DEBT_SERVICE_COVER, changed.getBytes(StandardCharsets.UTF_8));
        KieContainer stricter = InMemoryRuleBase.build(rules);
        List<RuleSetFile> boundaries = InMemoryRuleBase.shippedScenarios().stream()
                .filter(f -> f.name().equals("financial-boundaries.scesim")).toList();

        List<ScenarioResult> before = scenarios.run(shipped, boundaries);
        List<ScenarioResult> after = scenarios.run(stricter, boundaries);

        assertThat(before).isNotEmpty().allMatch(ScenarioResult::passed);
        List<ScenarioResult> failed = after.stream().filter(r -> !r.passed()).toList();
        System.out.println("Stricter debt service cover: " + failed);
        assertThat(failed).isNotEmpty().anySatisfy(r -> assertThat(r.description()).contains("exactly 1.25 is green"));
        assertThat(failed).allSatisfy(r -> assertThat(r.failure()).isNotBlank());
    }

    @Test
    void aScenarioThatErrorsFailsWithTheErrorsMessage() {
        // the session is looked up in the container given, which has no session of this name
        RuleSetFile boundaries = InMemoryRuleBase.shippedScenarios().stream()
                .filter(f -> f.name().equals("financial-boundaries.scesim")).findFirst().orElseThrow();
        String text = boundaries.text().replace("<dmoSession>assessment</dmoSession>", "<dmoSession>no-such-session</dmoSession>");
        assertThat(text).isNotEqualTo(boundaries.text());

        List<ScenarioResult> results = scenarios.run(shipped,
                List.of(new RuleSetFile(boundaries.path(), text.getBytes(StandardCharsets.UTF_8))));

        System.out.println("Unknown session: " + results.get(0));
        assertThat(results).hasSizeGreaterThanOrEqualTo(15).noneMatch(ScenarioResult::passed)
                .allSatisfy(r -> assertThat(r.failure()).contains("no-such-session"));
    }

    @Test
    void aFileWithAnExpressionIsNotRun(@TempDir Path folder) {
        // the content check refuses it first; were it missed, the runner still never evaluates it
        Path written = folder.resolve("written-by-a-scenario");
        String expression = "# new java.io.File(\"" + written + "\").createNewFile()";
        RuleSetFile eligibility = InMemoryRuleBase.shippedScenarios().stream()
                .filter(f -> f.name().equals("eligibility.scesim")).findFirst().orElseThrow();
        String expected = "{&quot;E1&quot;:{&quot;value&quot;:&quot;E1-SOCIAL-FORM&quot;}}";
        assertThat(eligibility.text()).contains(expected);
        // the scenario's expected reasons become a JSON string holding the expression
        String wrapped = "&quot;" + expression.replace("\"", "\\&quot;") + "&quot;";
        String text = eligibility.text().replaceFirst(Pattern.quote(expected), Matcher.quoteReplacement(wrapped));

        List<ScenarioResult> results = scenarios.run(shipped,
                List.of(new RuleSetFile(eligibility.path(), text.getBytes(StandardCharsets.UTF_8))));

        System.out.println("Expression in a scenario: " + results);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.failure()).contains("scenario 1 (", "Test Scenarios hold values only; expressions are not allowed");
        });
        assertThat(written).doesNotExist();
    }

    @Test
    void anUnreadableFileFailsAloneAndTheOthersStillRun() {
        List<RuleSetFile> files = new ArrayList<>(InMemoryRuleBase.shippedScenarios());
        files.add(1, new RuleSetFile("scenarios/broken.scesim", new byte[] {0x00, (byte) 0xFF, 0x13, 'n', 'o', 't', ' ', 'x', 'm', 'l'}));

        List<ScenarioResult> results = scenarios.run(shipped, files);

        List<ScenarioResult> broken = results.stream().filter(r -> r.file().equals("broken.scesim")).toList();
        System.out.println("Unreadable file: " + broken);
        assertThat(broken).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.failure()).isNotBlank();
        });
        assertThat(results).filteredOn(r -> !r.file().equals("broken.scesim")).hasSizeGreaterThanOrEqualTo(81)
                .allMatch(ScenarioResult::passed);
        assertThat(results.stream().map(ScenarioResult::file).distinct())
                .containsExactly("criteria.scesim", "broken.scesim", "decision-matrix.scesim", "eligibility.scesim",
                        "financial-boundaries.scesim");
    }

    @Test
    void theShippedScenariosCoverTheShippedRules() {
        List<RuleSetFile> files = new ArrayList<>(InMemoryRuleBase.shippedScenarios());
        InMemoryRuleBase.shippedFiles().forEach((path, content) -> files.add(new RuleSetFile(path, content)));

        RuleSetScenarios.ScenarioRun run = scenarios.runAndCover(shipped, shipped.getKieBase(), files);

        ScenarioCoverage coverage = run.coverage();
        System.out.printf("Shipped coverage: %d of %d table rows (%.1f %%), %d of %d rules (%.1f %%)%nRows unexercised: %s%n"
                        + "Rules unexercised: %s%n", coverage.rowsExercised(), coverage.rows(), coverage.rowsPercent(),
                coverage.rulesExercised(), coverage.rules(), coverage.rulesPercent(), coverage.unexercisedRows(),
                coverage.unexercisedRules());
        assertThat(run.results()).allMatch(ScenarioResult::passed);
        assertThat(coverage.rows()).isGreaterThan(50);
        assertThat(coverage.rules()).isGreaterThan(coverage.rows());
        assertThat(coverage.rowsExercised()).isPositive().isEqualTo(coverage.rows() - coverage.unexercisedRows().size());
        assertThat(coverage.rulesExercised()).isEqualTo(coverage.rules() - coverage.unexercisedRows().size()
                - coverage.unexercisedRules().size());
        assertThat(coverage.unexercisedRows()).allSatisfy(u -> {
            assertThat(u.file()).endsWith(".drl.csv");
            assertThat(u.where()).matches("row \\d+");
        });
    }

    @Test
    void aFailedScenarioSaysWhatEachCellExpectedAndWhatTheRulesGave() {
        Map<String, byte[]> rules = new TreeMap<>(InMemoryRuleBase.shippedFiles());
        String table = new String(rules.get(DEBT_SERVICE_COVER), StandardCharsets.UTF_8);
        rules.put(DEBT_SERVICE_COVER, RuleSetEdits.greenCoverFromTwo(table).getBytes(StandardCharsets.UTF_8));
        KieContainer stricter = InMemoryRuleBase.build(rules);

        List<ScenarioResult> failed = scenarios.run(stricter, InMemoryRuleBase.shippedScenarios()).stream()
                .filter(r -> !r.passed()).toList();

        failed.forEach(r -> System.out.println(r.file() + " #" + r.index() + " " + r.criterion() + " " + r.expectations()));
        assertThat(failed).isNotEmpty().allSatisfy(r -> {
            assertThat(r.failure()).isNotBlank();
            assertThat(r.expectations()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.checks()).startsWith("Assessment / ");
                assertThat(e.actual()).as(e.toString()).isNotNull().isNotEqualTo(e.expected());
            });
        });
        assertThat(failed).filteredOn(r -> r.description().equals("Debt service cover exactly 1.25 is green"))
                .singleElement().satisfies(r -> assertThat(r.expectations())
                        .extracting(e -> e.checks() + ": " + e.shownExpected() + " -> " + e.shownActual())
                        .containsExactly("Assessment / reasonCodesByCriterion: F1: F1-GREEN -> F1: F1-AMBER",
                                "Assessment / ratingsByCriterion: F1: GREEN -> F1: AMBER",
                                "Assessment / pointsByCriterion: F1: 3 -> F1: 1"));
        assertThat(failed).flatMap(ScenarioResult::expectations)
                .filteredOn(e -> e.checks().equals("Assessment / reasonCodesByCriterion")).allSatisfy(e -> {
                    assertThat(e.actual()).startsWith("{\"").endsWith("\"}}");
                    assertThat(FailedExpectations.shown(e.actual())).doesNotContain("{");
                });
    }
}
