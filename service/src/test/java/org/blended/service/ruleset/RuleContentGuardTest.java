package org.blended.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

    // --- hostile DRL

    @Test
    void aConsequenceThatExitsTheServiceIsRefused() {
        assertRefused(consequence("System.exit(1);"), "line 10", "calls System, which rule content may not use");
    }

    @Test
    void aConsequenceThatRunsACommandIsRefused() {
        assertRefused(consequence("Runtime.getRuntime().exec(\"rm -rf /\");"), "line 10", "calls Runtime");
    }

    @Test
    void aConsequenceThatOpensAFileByItsFullNameIsRefused() {
        assertRefused(consequence("new java.io.File(\"/etc/passwd\");"), "line 10", "uses java.io.File, a Java package path");
    }

    @Test
    void reflectionThroughGetClassIsRefused() {
        assertRefused(consequence("\"\".getClass().forName(\"java.lang.Runtime\");"), "line 10", "calls getClass");
    }

    @Test
    void classForNameIsRefused() {
        assertRefused(consequence("Class.forName(\"java.lang.Runtime\");"), "line 10", "calls Class");
    }

    @Test
    void importingAJavaClassIsRefused() {
        String drl = """
                package org.blended.rules.test;

                import java.io.File;
                """;
        assertRefused(drl, "line 3", "imports java.io.File, which rule content may not import");
    }

    @Test
    void importingAFunctionIsRefused() {
        String drl = """
                package org.blended.rules.test;

                import function java.lang.System.exit;
                """;
        assertRefused(drl, "line 3", "imports the function java.lang.System.exit");
    }

    @Test
    void aGlobalIsRefused() {
        String drl = """
                package org.blended.rules.test;

                global java.util.List results;
                """;
        assertRefused(drl, "line 3", "declares the global results; rule sets may not use globals");
    }

    @Test
    void startingAThreadIsRefused() {
        assertRefused(consequence("new Thread(() -> {}).start();"), "line 10", "creates Thread");
    }

    @Test
    void aFunctionThatOpensASocketIsRefused() {
        String drl = """
                package org.blended.rules.test;

                function void call() {
                    new java.net.Socket("example.org", 80);
                }
                """;
        assertRefused(drl, "line 4", "uses java.net.Socket, a Java package path");
    }

    @Test
    void anEvalThatCallsSystemIsRefused() {
        String drl = """
                package org.blended.rules.test;

                import org.blended.rules.assessment.Assessment;

                rule "Hostile eval"
                when
                    Assessment()
                    eval( System.getenv("DATABASE_PASSWORD") != null )
                then
                end
                """;
        assertRefused(drl, "line 8", "calls System");
    }

    @Test
    void theRuleEngineBehindDroolsIsRefused() {
        assertRefused(consequence("drools.getKieRuntime().halt();"), "line 10", "uses drools.getKieRuntime, which reaches the rule engine");
    }

    @Test
    void aWayFromAnEnumToItsClassIsRefused() {
        assertRefused(consequence("Theme.FINANCIAL.getDeclaringClass();"), "line 10", "calls getDeclaringClass");
    }

    @Test
    void whatInsertReturnsMayNotBeUsed() {
        assertRefused(consequence("Object handle = insert(new PolicyParameter(\"x\"));"), "line 10",
                "uses the value insert(...) returns");
    }

    @Test
    void aUnicodeEscapeThatWouldEndAComment() {
        assertRefused(consequence("// \\u000a System.exit(0);"), "line 10", "uses a \\u escape");
    }

    @Test
    void theWordSystemInAStringIsNotAProblem() {
        String drl = consequence("""
                insert( Reason.note( "SYSTEM-NOTE", "D1", Theme.DECISION ).says(
                        "System down? Runtime.getRuntime().exec(\\"x\\") is only text here.",
                        "Rule " + drools.getRule().getName() + " says: System" ).firedBy( drools ) ); // System.exit(0)
                """);

        assertThat(guard.check(List.of(drl("quiet.drl", drl)))).isEmpty();
    }

    // --- hostile decision tables

    @Test
    void anActionInTheTablesCodeThatExitsIsRefused() {
        String table = table(
                ",\"tradingYears >= $1, tradingYears < $2\",\"Reason reason = Reason.points(\"\"$param\"\", \"\"T1\"\", Theme.FINANCIAL, 0);\",\"reason.setPoints($param); insert(reason.firedBy(drools)); System.exit(0);\"",
                "T1 Long,\"1, 1000\",T1-LONG,2");

        assertThat(guard.check(List.of(csv(table)))).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("hostile.drl.csv");
            assertThat(problem.where()).isEqualTo("the table's code rows (row 8)");
            assertThat(problem.message()).startsWith("calls System, which rule content may not use");
        });
    }

    @Test
    void codeSlippedIntoARulesParameterIsRefusedAtItsRow() {
        String table = table(CODE_ROW, "T1 Long,\"1, 1000\",T1-LONG,0); System.exit(0");

        assertThat(guard.check(List.of(csv(table)))).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("hostile.drl.csv");
            assertThat(problem.where()).isEqualTo("row 11");
            assertThat(problem.message()).startsWith("calls System");
        });
    }

    @Test
    void anXlsxTableCarryingRuntimeIsRefused() throws IOException {
        List<List<String>> rows = List.of(
                List.of("RuleSet", "org.blended.rules.test"),
                List.of("Import", "org.blended.rules.assessment.*, org.blended.rules.application.*"),
                List.of(),
                List.of("RuleTable T1 Hostile table"),
                List.of("NAME", "CONDITION", "ACTION"),
                List.of("", "$m: Metrics", ""),
                List.of("", "tradingYears >= $param", "insert(Reason.points(\"T1\", \"T1\", Theme.FINANCIAL, $param).firedBy(drools));"),
                List.of("Rule", "Years from", "Points"),
                List.of("T1 Short", "0", "0"),
                List.of("T1 Busy", "1", "Runtime.getRuntime().availableProcessors()"));
        RuleSetFile xlsx = new RuleSetFile("org/blended/rules/test/hostile.drl.xlsx", xlsx(rows));

        assertThat(guard.check(List.of(xlsx))).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("hostile.drl.xlsx");
            assertThat(problem.where()).isEqualTo("row 10");
            assertThat(problem.message()).startsWith("calls Runtime");
        });
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

    // --- helpers

    private static final String CODE_ROW =
            ",\"tradingYears >= $1, tradingYears < $2\",\"Reason reason = Reason.points(\"\"$param\"\", \"\"T1\"\", Theme.FINANCIAL, 0);\",\"reason.setPoints($param); insert(reason.firedBy(drools));\"";

    /** A CSV decision table: its code row is row 8, its rules rows 10 (T1 Short) and 11. */
    private static String table(String codeRow, String secondRule) {
        return String.join("\n",
                "RuleSet,org.blended.rules.test",
                "Import,\"org.blended.rules.assessment.*, org.blended.rules.application.*\"",
                "Notes,A table for the guard's tests",
                "",
                "RuleTable T1 Hostile table",
                "NAME,CONDITION,ACTION,ACTION",
                ",$m: Metrics,,",
                codeRow,
                "Rule,\"Years from, below\",Code,Points",
                "T1 Short,\"0, 1\",T1-SHORT,0",
                secondRule) + "\n";
    }

    /** A DRL file whose one rule's consequence (line 10) is the given code. */
    private static String consequence(String code) {
        return """
                package org.blended.rules.test;

                import org.blended.rules.application.*;
                import org.blended.rules.assessment.*;

                rule "Hostile"
                when
                    $assessment : Assessment()
                then
                %s
                end
                """.formatted(code.strip());
    }

    private void assertRefused(String drl, String where, String message) {
        List<RuleSetProblem> problems = guard.check(List.of(drl("hostile.drl", drl)));

        assertThat(problems).as(problems.toString()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("hostile.drl");
            assertThat(problem.where()).isEqualTo(where);
            assertThat(problem.message()).contains(message);
            assertThat(problem.toString()).startsWith("hostile.drl, " + where + ": ");
        });
    }

    private static RuleSetFile drl(String name, String text) {
        return new RuleSetFile("org/blended/rules/test/" + name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static RuleSetFile csv(String text) {
        return new RuleSetFile("org/blended/rules/test/hostile.drl.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Rules");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
