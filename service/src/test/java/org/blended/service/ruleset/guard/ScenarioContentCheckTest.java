package org.blended.service.ruleset.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.ruleset.InMemoryRuleBase;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Test Scenarios hold values only: whatever form the runner would evaluate as an expression is refused. */
class ScenarioContentCheckTest {

    /** Scenario 3 of eligibility.scesim, "E1 a partnership is not eligible": its legal form and its expected reasons. */
    private static final int PARTNERSHIP = 3;
    private static final String LEGAL_FORM = "GIVEN-0";
    private static final String REASONS = "EXPECT-44";
    private static final String PARTNERSHIP_REASONS = "scenario 3 (E1 a partnership is not eligible), "
            + "column Assessment / reasonCodesByCriterion";

    @Test
    void everyShippedScenarioFilePasses() {
        List<RuleSetFile> shipped = InMemoryRuleBase.shippedScenarios();

        assertThat(shipped).extracting(RuleSetFile::name).containsExactly(
                "criteria.scesim", "decision-matrix.scesim", "eligibility.scesim", "financial-boundaries.scesim");
        assertThat(shipped).allSatisfy(file -> assertThat(ScenarioContentCheck.check(file)).as(file.name()).isEmpty());
    }

    @Test
    void aFileWithValuesOnlyPasses() {
        // '#' inside a value, not at its start, is no expression
        RuleSetFile file = eligibilityWith(PARTNERSHIP, REASONS, "{\"E1\": {\"value\": \"E1-INELIGIBLE-FORM #2\"}}");

        assertThat(ScenarioContentCheck.check(file)).isEmpty();
    }

    @Test
    void aRawExpressionIsRefusedNamingFileScenarioAndColumn() {
        RuleSetFile file = eligibilityWith(PARTNERSHIP, REASONS, "# actualValue.contains(\"E1-INELIGIBLE-FORM\")");

        assertThat(ScenarioContentCheck.check(file)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("eligibility.scesim");
            assertThat(problem.where()).isEqualTo(PARTNERSHIP_REASONS);
            assertThat(problem.message()).isEqualTo("the expected value \"# actualValue.contains(\"E1-INELIGIBLE-FORM\")\" "
                    + "is an expression; Test Scenarios hold values only; expressions are not allowed");
        });
    }

    @Test
    void aHarmlessLookingExpressionIsRefusedToo() {
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "# actualValue != null"), PARTNERSHIP_REASONS);
    }

    @Test
    void anExpressionAfterLeadingWhitespaceIsRefused() {
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, " \t\n # actualValue.isEmpty()"), PARTNERSHIP_REASONS);
        // more than String.trim() drops: a no-break space and a zero-width space
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "\u00A0\u200B# actualValue.isEmpty()"), PARTNERSHIP_REASONS);
    }

    @Test
    void anExpressionInAJsonStringIsRefused() {
        // the runner reads a collection cell that is a JSON string starting with '#' as MVEL
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "\"# java.nio.file.Files.writeString(null, null)\""),
                PARTNERSHIP_REASONS);
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "  \" # new java.io.File(\\\"x\\\").createNewFile()\""),
                PARTNERSHIP_REASONS);
        // the same '#' written as a JSON escape
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "\"\\u0023 actualValue.isEmpty()\""), PARTNERSHIP_REASONS);
    }

    @Test
    void anExpressionNestedInJsonIsRefused() {
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "{\"E1\": {\"value\": \"# actualValue.isEmpty()\"}}"),
                PARTNERSHIP_REASONS);
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "[{\"value\": \"ok\"}, {\"codes\": [{\"value\": \" #x\"}]}]"),
                PARTNERSHIP_REASONS);
        assertRefused(eligibilityWith(PARTNERSHIP, REASONS, "{\"# actualValue.isEmpty()\": {\"value\": \"E1\"}}"),
                PARTNERSHIP_REASONS);
    }

    @Test
    void anExpressionOnTheGivenSideIsRefused() {
        RuleSetFile file = eligibilityWith(PARTNERSHIP, LEGAL_FORM, "# org.blended.rules.application.LegalForm.PARTNERSHIP");

        assertThat(ScenarioContentCheck.check(file)).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("scenario 3 (E1 a partnership is not eligible), column Application / applicant.legalForm");
            assertThat(problem.message()).startsWith("the given value \"# org.blended.rules.application.LegalForm.PARTNERSHIP\"")
                    .endsWith(ScenarioContentCheck.VALUES_ONLY);
        });
    }

    @Test
    void anExpressionOnTheExpectedSideIsRefused() {
        RuleSetFile file = eligibilityWith(PARTNERSHIP, "EXPECT-45", "# actualValue.name() == \"DECLINE\"");

        assertThat(ScenarioContentCheck.check(file)).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("scenario 3 (E1 a partnership is not eligible), column Assessment / ratingsByCriterion");
            assertThat(problem.message()).startsWith("the expected value ").endsWith(ScenarioContentCheck.VALUES_ONLY);
        });
    }

    @Test
    void anExpressionInTheBackgroundIsRefused() {
        String text = eligibility().text();
        String empty = "<name>1|1</name><type>GIVEN</type></expressionIdentifier></FactMappingValue>";
        assertThat(text).containsOnlyOnce(empty);
        RuleSetFile file = file(text.replace(empty, "<name>1|1</name><type>GIVEN</type></expressionIdentifier>"
                + "<rawValue class=\"string\">#1 + 1</rawValue></FactMappingValue>"));

        assertThat(ScenarioContentCheck.check(file)).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("background row 1, column INSTANCE 1 / PROPERTY 1");
            assertThat(problem.message()).contains(ScenarioContentCheck.VALUES_ONLY);
        });
    }

    @Test
    void everyExpressionIsReported() {
        RuleSetFile file = eligibilityWith(PARTNERSHIP, REASONS, "#true");
        file = with(file, 5, REASONS, "#true");

        assertThat(ScenarioContentCheck.check(file)).extracting(RuleSetProblem::where).containsExactly(PARTNERSHIP_REASONS,
                "scenario 5 (E1 a company limited by guarantee with an asset lock is eligible), "
                        + "column Assessment / reasonCodesByCriterion");
    }

    @Test
    void aDmnScenarioFileIsRefused() {
        // the runner evaluates every cell of a DMN scenario as FEEL
        String text = eligibility().text();
        assertThat(text).containsOnlyOnce("<type>RULE</type>");
        RuleSetFile file = file(text.replace("<type>RULE</type>", "<type>DMN</type>"));

        assertThat(ScenarioContentCheck.check(file)).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isNull();
            assertThat(problem.message()).startsWith("is a DMN Test Scenario file").contains(ScenarioContentCheck.VALUES_ONLY);
        });
    }

    // --- helpers

    private static void assertRefused(RuleSetFile file, String where) {
        assertThat(ScenarioContentCheck.check(file)).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("eligibility.scesim");
            assertThat(problem.where()).isEqualTo(where);
            assertThat(problem.message()).endsWith(" is an expression; " + ScenarioContentCheck.VALUES_ONLY);
        });
    }

    private static RuleSetFile eligibility() {
        return InMemoryRuleBase.shippedScenarios().stream().filter(f -> f.name().equals("eligibility.scesim"))
                .findFirst().orElseThrow();
    }

    private static RuleSetFile eligibilityWith(int scenario, String column, String value) {
        return with(eligibility(), scenario, column, value);
    }

    /** The file with one cell of one scenario (numbered from 1) holding the given value. */
    private static RuleSetFile with(RuleSetFile file, int scenario, String column, String value) {
        String text = file.text();
        int at = -1;
        for (int i = 0; i < scenario; i++) {
            at = text.indexOf("<Scenario>", at + 1);
            assertThat(at).as("scenario " + scenario).isNotNegative();
        }
        Matcher cell = Pattern.compile("(<name>" + Pattern.quote(column) + "</name><type>[A-Z]+</type></expressionIdentifier>)"
                + "(<rawValue class=\"string\">[^<]*</rawValue>)?").matcher(text);
        assertThat(cell.find(at)).as(column).isTrue();
        String xml = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "&#10;").replace("\t", "&#9;");
        return file(text.substring(0, cell.start()) + cell.group(1) + "<rawValue class=\"string\">" + xml + "</rawValue>"
                + text.substring(cell.end()));
    }

    private static RuleSetFile file(String text) {
        return new RuleSetFile("scenarios/eligibility.scesim", text.getBytes(StandardCharsets.UTF_8));
    }
}
