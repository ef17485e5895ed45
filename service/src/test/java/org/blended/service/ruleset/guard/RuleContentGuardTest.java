package org.blended.service.ruleset.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.ruleset.InMemoryRuleBase;
import org.blended.service.ruleset.source.RuleSetFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RuleContentGuardTest {

    /** The rules module, seen from the service module (the tests' working directory). */
    private static final Path RULES = Path.of("../rules/src/main");

    private final RuleContentGuard guard = new RuleContentGuard();

    // --- the shipped rule base

    @Test
    void theShippedRuleBasePasses() throws IOException {
        Path base = RULES.resolve("resources");
        List<RuleSetFile> files;
        try (Stream<Path> paths = Files.walk(base.resolve("org/blended/rules"))) {
            files = paths.filter(path -> path.toString().endsWith(".drl") || path.toString().endsWith(".csv"))
                    .sorted()
                    .map(path -> new RuleSetFile(base.relativize(path).toString().replace('\\', '/'), read(path)))
                    .toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(19);
        assertThat(guard.check(files)).isEmpty();
    }

    @Test
    void theShippedTestScenariosPass() {
        List<RuleSetFile> scenarios = InMemoryRuleBase.shippedScenarios();
        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(4);
        assertThat(guard.check(scenarios)).isEmpty();
    }

    // --- Test Scenarios: the runner creates and fills the classes they name, and runs their # expressions

    @Test
    void aScenarioExpressionThatRunsAProcessIsRefused() {
        RuleSetFile scenario = shippedScenarioWith("{&quot;E1&quot;:{&quot;value&quot;:&quot;E1-INELIGIBLE-FORM&quot;},"
                + "&quot;D1&quot;:{&quot;value&quot;:&quot;D1-READINESS&quot;}}",
                "# Runtime.getRuntime().exec(\"touch /tmp/pwned\") != null");
        assertThat(guard.check(List.of(scenario))).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("eligibility.scesim");
            assertThat(problem.where()).startsWith("scenario 2 (").endsWith("column Assessment / reasonCodesByCriterion");
            assertThat(problem.message()).contains("Test Scenarios hold values only; expressions are not allowed");
        });
    }

    @Test
    void aScenarioColumnOfAClassOutsideTheFactModelIsRefused() {
        RuleSetFile scenario = shippedScenarioWith("<className>org.blended.rules.assessment.Metrics</className>",
                "<className>java.io.File</className>");
        assertThat(guard.check(List.of(scenario))).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.message()).contains("java.io.File"));
    }

    @Test
    void aScenarioFileWithEntitiesIsRefusedUnread() {
        RuleSetFile scenario = new RuleSetFile("scenarios/x.scesim", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/hostname\">]><ScenarioSimulationModel>&e;</ScenarioSimulationModel>").getBytes(StandardCharsets.UTF_8));
        assertThat(guard.check(List.of(scenario))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("DOCTYPE"));
    }

    @Test
    void aScenarioFileNamingOtherClassesForTheXmlReaderIsRefused() {
        RuleSetFile scenario = new RuleSetFile("scenarios/x.scesim", ("<java.lang.ProcessBuilder><command><string>touch</string>"
                + "<string>/tmp/pwned</string></command></java.lang.ProcessBuilder>").getBytes(StandardCharsets.UTF_8));
        assertThat(guard.check(List.of(scenario))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("could not be read as Test Scenarios"));
    }

    private static RuleSetFile shippedScenarioWith(String shipped, String replacement) {
        RuleSetFile eligibility = InMemoryRuleBase.shippedScenarios().stream()
                .filter(f -> f.name().equals("eligibility.scesim")).findFirst().orElseThrow();
        assertThat(eligibility.text()).contains(shipped);
        return new RuleSetFile(eligibility.path(), eligibility.text().replaceFirst(java.util.regex.Pattern.quote(shipped),
                java.util.regex.Matcher.quoteReplacement(replacement)).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFactModelListHasEveryClassOfTheFactModelPackages() throws IOException {
        for (String pkg : List.of(FactModel.APPLICATION, FactModel.ASSESSMENT)) {
            Set<String> onDisk;
            try (Stream<Path> sources = Files.list(RULES.resolve("java").resolve(pkg.replace('.', '/')))) {
                onDisk = sources.map(path -> path.getFileName().toString())
                        .filter(name -> name.endsWith(".java") && !name.equals("package-info.java"))
                        .map(name -> name.substring(0, name.length() - ".java".length()))
                        .collect(Collectors.toSet());
            }
            assertThat(onDisk).isNotEmpty();
            assertThat(FactModel.CLASSES.get(pkg)).as(pkg).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    // --- what no compile can make safe: checked before compiling (what code does is checked on its
    // compiled classes: see HostileRuleContent, RuleSetCompilerTest and HostileRuleSetPathsTest)

    @Test
    void aGlobalIsRefusedAtItsLine() {
        RuleSetFile drl = new RuleSetFile("org/blended/rules/test/global.drl", """
                package org.blended.rules.test;

                global java.util.List results;
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(guard.check(List.of(drl))).singleElement().hasToString(
                "global.drl, line 3: declares the global results; rule sets may not use globals (the service passes none)");
    }

    @Test
    void aPackageOutsideTheRuleBaseIsRefused() {
        RuleSetFile drl = new RuleSetFile("org/blended/rules/test/elsewhere.drl",
                "package org.mvel2;\n".getBytes(StandardCharsets.UTF_8));
        assertThat(guard.check(List.of(drl))).singleElement().satisfies(problem ->
                assertThat(problem.message()).isEqualTo("is in the package org.mvel2; rule sets must use packages under org.blended.rules"));
    }

    @Test
    void aTableThatCannotBeReadIsAProblem() {
        RuleSetFile xlsx = new RuleSetFile("org/blended/rules/test/broken.drl.xlsx",
                "not a spreadsheet".getBytes(StandardCharsets.UTF_8));

        assertThat(guard.check(List.of(xlsx))).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("broken.drl.xlsx");
            assertThat(problem.message()).startsWith("could not be read as a decision table: ");
        });
    }

    @Test
    void filesThatAreNeitherRulesNorScenariosAreNotChecked() {
        RuleSetFile notes = new RuleSetFile("notes.txt", "System.exit(0)".getBytes(StandardCharsets.UTF_8));

        assertThat(guard.check(List.of(notes))).isEmpty();
    }

    @Test
    void aScenarioFileThatCannotBeReadIsReported() {
        RuleSetFile scenario = new RuleSetFile("scenarios/criteria.scesim",
                "<ScenarioSimulationModel>System.exit(0)</ScenarioSimulationModel>".getBytes(StandardCharsets.UTF_8));

        assertThat(guard.check(List.of(scenario))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("could not be read as Test Scenarios"));
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
