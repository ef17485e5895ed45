package org.blended.service.ruleset.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.blended.service.ruleset.InMemoryRuleBase;
import org.blended.service.ruleset.RuleSetEdits;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.TableLayout;
import org.blended.service.ruleset.upload.RuleSetUploads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.Test;

/**
 * Policy owners edit values, not code: the type each column of the shipped tables gets from its code
 * template, the check of every cell against it, and what in an edited table counts as a code change.
 */
class TableValuesTest {

    private static final Map<String, byte[]> SHIPPED = InMemoryRuleBase.shippedFiles();

    // --- column types

    @Test
    void everyColumnOfTheShippedTablesGetsTheTypeItsTemplateGivesIt() throws Exception {
        Map<String, String> types = new LinkedHashMap<>();
        for (RuleSetFile table : shippedTables()) {
            for (TableLayout.Table t : TableLayout.read(table).tables()) {
                for (TableLayout.Column column : t.columns().values()) {
                    types.merge(column.label(), ColumnTypes.of(column).describe(), (a, b) -> a.equals(b) ? a : a + " | " + b);
                }
            }
        }
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("A hire without a recruitment programme, at most", "number"),
                Map.entry("Applicant text", "text"),
                Map.entry("Applicant text at 0", "text"),
                Map.entry("Applicant text otherwise", "text"),
                Map.entry("Asset lock (blank: either)", "true/false or null"),
                Map.entry("Assumed interest rate (%)", "number"),
                Map.entry("Attendance band that counts", "text"),
                Map.entry("Band", "FinancialBand"),
                Map.entry("Cap quoted (%)", "number"),
                Map.entry("Claims more than", "number"),
                Map.entry("Code", "text"),
                Map.entry("Cover below", "number"),
                Map.entry("Cover from", "number"),
                Map.entry("Criteria, worst rating", "list (text, FinancialBand)"),
                Map.entry("Criterion", "text"),
                Map.entry("Deciles from, to", "list (number, number)"),
                Map.entry("Declines elsewhere from, below", "list (number, number)"),
                Map.entry("Effect", "Effect"),
                Map.entry("Exempt legal forms", "code"),
                Map.entry("Fewer members than", "number"),
                Map.entry("Financial band", "FinancialBand"),
                Map.entry("Financial band, impact band", "list (FinancialBand, ImpactBand)"),
                Map.entry("GBP a unit", "number"),
                Map.entry("Groups facing disadvantage", "code"),
                Map.entry("High risks from, below; medium risks from, below", "list (number, number, number, number)"),
                Map.entry("Impact band", "ImpactBand"),
                Map.entry("Independently verified", "number"),
                Map.entry("Kind of lending", "text"),
                Map.entry("Largest funder above (%)", "number"),
                Map.entry("Legal form", "LegalForm"),
                Map.entry("Legal form without an asset lock", "LegalForm"),
                Map.entry("Licence", "text"),
                Map.entry("Longest term we lend (months)", "number"),
                Map.entry("Main funder from (% of income)", "number"),
                Map.entry("Measure", "Measure"),
                Map.entry("Meetings a year that count (at least)", "number"),
                Map.entry("Members that count (at least)", "number"),
                Map.entry("Months below", "number"),
                Map.entry("Months from", "number"),
                Map.entry("Months {0}", "number"),
                Map.entry("Months {1}", "number"),
                Map.entry("Most that may be distributed (%)", "number"),
                Map.entry("Net below", "number"),
                Map.entry("Net from", "number"),
                Map.entry("Officer text", "text"),
                Map.entry("Officer text (after the figure)", "text"),
                Map.entry("Officer text (after the ratings)", "text"),
                Map.entry("Officer text (after the working)", "text"),
                Map.entry("Officer text (after what it rests on)", "text"),
                Map.entry("Officer text (the cap is called)", "text"),
                Map.entry("Officer text ({0}: members)", "text"),
                Map.entry("Officer text ({0}: share, {1}: ends, {2}: term)", "text"),
                Map.entry("Officer text ({0}: the areas)", "text"),
                Map.entry("Officer text ({0}: the groups)", "text"),
                Map.entry("Officer text ({0}: the legal form)", "text"),
                Map.entry("Officer text ({0}: the share)", "text"),
                Map.entry("Officer text ({0}: the term)", "text"),
                Map.entry("Officer text ({0}: traded income %)", "text"),
                Map.entry("Officer's score (null: none given)", "number or null"),
                Map.entry("Outcome", "Outcome"),
                Map.entry("Outcome areas named from, below", "list (number, number)"),
                Map.entry("Outcome is one of", "code"),
                Map.entry("People per 10k below", "number"),
                Map.entry("People per 10k from", "number"),
                Map.entry("Percent over", "number"),
                Map.entry("Percent up to", "number"),
                Map.entry("Points", "number"),
                Map.entry("Points (the 0-3 score)", "number"),
                Map.entry("Points from, below", "list (number, number)"),
                Map.entry("Priority (higher first)", "whole number"),
                Map.entry("Purpose", "code"),
                Map.entry("Purpose, shortest term (months)", "list (Purpose, number)"),
                Map.entry("Rating", "number or null"),
                Map.entry("Rationale given", "true/false"),
                Map.entry("Records", "number"),
                Map.entry("Rule", "text"),
                Map.entry("Secured", "true/false or null"),
                Map.entry("Self-reported", "number"),
                Map.entry("Self-reported claims of", "Measure"),
                Map.entry("Share of spending below (%)", "number"),
                Map.entry("Share of spending from (%)", "number"),
                Map.entry("Source", "text"),
                Map.entry("Theme", "Theme"),
                Map.entry("Then criteria, worst rating", "list (text, FinancialBand)"),
                Map.entry("Theory of change from, below (characters)", "list (number, number)"),
                Map.entry("Times turnover over", "number"),
                Map.entry("Times turnover up to", "number"),
                Map.entry("Traded income below (%)", "number"),
                Map.entry("Traded income from (%)", "number"),
                Map.entry("Unsecured term longer than (months)", "number"),
                Map.entry("Years below", "number"),
                Map.entry("Years from", "number")));
    }

    @Test
    void placeholdersAreTypedByWhereTheyStand() {
        assertThat(type("CONDITION", "$m: Metrics", "reservesMonths >= $1, reservesMonths < $2")).isEqualTo("list (number, number)");
        assertThat(type("ACTION", "", "reason.setText(\"Cover: \" + $m.getDebtServiceCover() + \": $param\");")).isEqualTo("text");
        assertThat(type("ACTION", "", "reason.rated(FinancialBand.$param);")).isEqualTo("FinancialBand");
        assertThat(type("ACTION", "", "reason.setThreshold((double) $param);")).isEqualTo("number");
        assertThat(type("CONDITION", "$app: Application", "request.rationaleGiven == $param")).isEqualTo("true/false");
        assertThat(type("ACTION", "", "reason.setText(\"x\" + $param);")).as("code concatenation").isEqualTo("code");
        assertThat(type("ACTION", "", "reason.setPoints($param.intValue());")).isEqualTo("code");
        assertThat(type("ACTION", "", "reason.setPoints(Math.$param);")).as("not a fact-model enum").isEqualTo("code");
        assertThat(type("ACTION", "", "$param")).as("the whole action").isEqualTo("code");
        assertThat(type("ACTION", "", "reason.setPoints(1);")).as("no placeholder: a flag or code").isEqualTo("code");
        assertThat(type("ACTION", "", "reason.setText(\"$param\"); reason.setPoints($param);")).as("both").isEqualTo("number");
        assertThat(type("ACTION", "", "reason.rated(FinancialBand.$param); reason.setPoints($param);")).isEqualTo("code");
        assertThat(type("CONDITION", "Application", "forall(&&){request.amount > $}")).isEqualTo("code");
    }

    // --- cells

    @Test
    void everyShippedTablePassesTheCellCheck() {
        for (RuleSetFile table : shippedTables()) {
            assertThat(TableCellCheck.check(table)).as(table.name()).isEmpty();
        }
    }

    @Test
    void codeInANumberCellIsRefusedNamingFileRowAndColumn() {
        RuleSetFile hostile = edited("debt-service-cover.drl.csv", ",1.25,1,AMBER,",
                ",1.25,1 + java.lang.Runtime.getRuntime().availableProcessors(),AMBER,");
        assertThat(problems(hostile)).containsExactly("debt-service-cover.drl.csv, row 11, \"Points\": "
                + "\"1 + java.lang.Runtime.getRuntime().availableProcessors()\" is not a number");

        assertThat(problems(edited("debt-service-cover.drl.csv", ",1.25,1,AMBER,", ",1.25,three,AMBER,")))
                .containsExactly("debt-service-cover.drl.csv, row 11, \"Points\": \"three\" is not a number");
        assertThat(problems(edited("reserves.drl.csv", "F6-GREEN,1,3,", "F6-GREEN,1,Math.max(3; 4),")))
                .containsExactly("reserves.drl.csv, row 11, \"Months below\": \"Math.max(3; 4)\" is not a number");
        assertThat(problems(edited("reserves.drl.csv", "F6-GREEN,1,3,", "F6-GREEN,1,3d,")))
                .containsExactly("reserves.drl.csv, row 11, \"Months below\": \"3d\" is not a number");
        assertThat(problems(edited("loan-to-value.drl.csv", ",70,80,1,AMBER,", ",70,80,1%,AMBER,")))
                .containsExactly("loan-to-value.drl.csv, row 11, \"Points\": \"1%\" is not a number: write 1 for 1%");
        assertThat(problems(edited("measure-values.drl.csv", "GHG_AVOIDED,260,", "GHG_AVOIDED,\"1,260\",")))
                .containsExactly("measure-values.drl.csv, row 10, \"GBP a unit\": \"1,260\" is not a number: "
                        + "write it without separators, as 1260");
        // a PRIORITY column takes whole numbers (no shipped table has one since named phases replaced salience)
        var priority = new TableLayout.Column(1, org.drools.decisiontable.parser.ActionType.Code.SALIENCE, "", "", "Priority");
        assertThat(TableCellCheck.problem(ColumnTypes.of(priority), "(java.lang.System.exit(1))"))
                .isEqualTo("\"(java.lang.System.exit(1))\" is not a whole number");
        assertThat(TableCellCheck.problem(ColumnTypes.ColumnType.single(ColumnTypes.ValueType.NUMBER), "1.0E-4"))
                .as("a number as Drools reads it from an .xlsx").isNull();
        assertThat(problems(edited("additionality.drl.csv", "\"0, 1\",true,", "\"0, 1\",yes,")))
                .containsExactly("additionality.drl.csv, row 16, \"Rationale given\": \"yes\" is neither true nor false");
        assertThat(problems(edited("additionality.drl.csv", "E5 Declined by one lender,null,", "E5 Declined by one lender,nul,")))
                .containsExactly("additionality.drl.csv, row 15, \"Officer's score (null: none given)\": \"nul\" is not a number (or null)");
    }

    @Test
    void aQuoteBreakingOutOfATextCellIsRefusedSuggestingTypographicQuotes() {
        RuleSetFile breakout = edited("reserves.drl.csv", "at least {from:month}.,",
                "\"at least one month.\"\"); System.exit(1); //\",");
        assertThat(problems(breakout)).containsExactly("reserves.drl.csv, row 11, \"Officer text (after the figure)\": "
                + "\"at least one month.\"); System.exit(1); //\" has a straight double quote (\"), which would end the text "
                + "early: use typographic quotes “ ” instead");
        assertThat(problems(edited("reserves.drl.csv", "at least {from:month}.,", "at least one \\u0022month.,")))
                .singleElement().asString().contains("has a backslash");
        assertThat(problems(edited("reserves.drl.csv", "F6 Reserves under what we look for,", "\"F6 Reserves \"\"under\"\" a month\",")))
                .singleElement().asString().startsWith("reserves.drl.csv, row 10, \"Rule\": ");
        assertThat(problems(edited("reserves.drl.csv", "at least {from:month}.,", "at least “one” month.,"))).isEmpty();
    }

    @Test
    void anEnumCellMustNameOneOfItsConstants() {
        assertThat(problems(edited("reserves.drl.csv", ",1,3,1,GREEN,", ",1,3,1,System,")))
                .containsExactly("reserves.drl.csv, row 11, \"Band\": \"System\" is not one of GREEN, AMBER, RED");
        assertThat(problems(edited("decision-matrix.drl.csv", "\"GREEN, LOW\",REFER", "\"GREEN, LOW\",REFER.getDeclaringClass()")))
                .singleElement().asString().contains("\"Outcome\": \"REFER.getDeclaringClass()\" is not one of ");
        assertThat(problems(edited("claims.drl.csv", "I4-JOBS-CREATED,JOBS_CREATED,0.01,2,", "I4-JOBS-CREATED,JOBZ,0.01,2,")))
                .singleElement().asString().contains("\"Measure\": \"JOBZ\" is not one of ");
    }

    @Test
    void aTableSavedAsXlsxReadsAsTheSameCells() throws Exception {
        for (RuleSetFile table : shippedTables()) {
            RuleSetFile xlsx = asXlsx(table);
            assertThat(TableCellCheck.check(xlsx)).as(table.name()).isEmpty();
            assertThat(CodeChanges.between(List.of(table), List.of(xlsx))).as(table.name()).isEmpty();
        }
    }

    // --- what a policy owner may change

    @Test
    void valueEditsAndAddedOrRemovedRuleRowsAreNotCodeChanges() {
        RuleSetFile reserves = shipped("reserves.drl.csv");
        RuleSetFile edited = new RuleSetFile(reserves.path(),
                RuleSetEdits.higherMinimumReserves(reserves.text()).getBytes(StandardCharsets.UTF_8));
        assertThat(changes(reserves, edited)).isEmpty();
        String text = reserves.text();
        String lastRow = text.substring(text.lastIndexOf("F6 Reserves that strengthen"));
        assertThat(changes(reserves, edited(reserves, lastRow, lastRow.replace("F6 Reserves that strengthen", "F6 Reserves of four")
                + lastRow.replace("F6 Reserves that strengthen", "F6 Reserves of five"))))
                .as("a row added").isEmpty();
        assertThat(changes(reserves, edited(reserves, lastRow, ""))).as("a row removed").isEmpty();

        RuleSetFile loanToValue = shipped("loan-to-value.drl.csv");
        String row = "F2 Loan to value above what we accept,F2-RED,!= null,80,";
        assertThat(changes(loanToValue, edited(loanToValue, row, row.replace("80,", "85,").replace("above 80%", "above 85%"))))
                .as("a code column's cell kept").isEmpty();
        assertThat(changes(loanToValue, edited(loanToValue, row, row.replace("!= null", "== Purpose.DEVELOPMENT"))))
                .as("a code column's cell set to a value it holds elsewhere").isEmpty();
        RuleSetFile scenarios = new RuleSetFile("scenarios/criteria.scesim", "<a/>".getBytes(StandardCharsets.UTF_8));
        assertThat(CodeChanges.between(List.of(reserves, scenarios), List.of(reserves,
                new RuleSetFile("scenarios/criteria.scesim", "<b/>".getBytes(StandardCharsets.UTF_8)),
                new RuleSetFile("scenarios/more.scesim", "<c/>".getBytes(StandardCharsets.UTF_8))))).isEmpty();
    }

    @Test
    void theStructureOfATableIsCode() {
        RuleSetFile reserves = shipped("reserves.drl.csv");
        assertThat(changes(reserves, edited(reserves, "RuleSet,org.blended.rules.financial", "RuleSet,org.mvel2")))
                .containsExactly("reserves.drl.csv, row 1: the RuleSet row (the package) changed: "
                        + "\"org.blended.rules.financial\" became \"org.mvel2\"");
        assertThat(changes(reserves, edited(reserves, "org.blended.rules.application.*\"", "org.blended.rules.application.*, java.io.File\"")))
                .containsExactly("reserves.drl.csv, row 2: the Import row changed: \"org.blended.rules.assessment.*, "
                        + "org.blended.rules.application.*\" became \"org.blended.rules.assessment.*, org.blended.rules.application.*, java.io.File\"");
        assertThat(changes(reserves, edited(reserves, "reason.rated(FinancialBand.$param);", "reason.rated(FinancialBand.RED);")))
                .containsExactly("reserves.drl.csv, row 8, \"Band\": the code row changed: \"reason.rated(FinancialBand.$param);\" "
                        + "became \"reason.rated(FinancialBand.RED);\"");
        assertThat(changes(reserves, edited(reserves, "$assessment: Assessment() $m: Metrics,", "$assessment: Assessment() $m: Metrics(),")))
                .containsExactly("reserves.drl.csv, row 7, \"Code\": the object-type row changed: "
                        + "\"$assessment: Assessment() $m: Metrics\" became \"$assessment: Assessment() $m: Metrics()\"");
        assertThat(changes(reserves, edited(reserves, "Rule,Code,Months from,Months below,Points,", "Rule,Code,Months from,Months below,Score,")))
                .containsExactly("reserves.drl.csv, row 9, \"Points\": the column-label row changed: \"Points\" became \"Score\"");
        assertThat(changes(reserves, edited(reserves, "NAME,CONDITION,CONDITION,CONDITION,ACTION,", "NAME,CONDITION,CONDITION,CONDITION,ACTION,PRIORITY,ACTION,")))
                .isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("reserves.drl.csv, row 6, ").contains("the column-type row"));
        assertThat(changes(reserves, edited(reserves, "RuleTable F6 Reserves", "RuleTable F6 Reserves (new)")))
                .containsExactly("reserves.drl.csv, row 5: the RuleTable row changed: \"RuleTable F6 Reserves\" "
                        + "became \"RuleTable F6 Reserves (new)\"");
        assertThat(changes(reserves, edited(reserves, "RULEFLOW-GROUP,criteria", "RULEFLOW-GROUP,report")))
                .as("the phase the table's rules run in")
                .containsExactly("reserves.drl.csv, row 4: the RULEFLOW-GROUP row changed: \"criteria\" became \"report\"");
        assertThat(changes(reserves, edited(reserves, "\nRuleTable", "\nFunctions,\"function void x() { }\"\n\nRuleTable")))
                .containsExactly("reserves.drl.csv, row 5: the table's structure changed: the RuleTable row "
                        + "(\"RuleTable F6 Reserves\") became the Functions row (\"Functions | function void x() { }\")");
        String text = reserves.text();
        assertThat(changes(reserves, edited(reserves, text, text + "\n\nVariables,java.util.List list\n")))
                .singleElement().asString().contains("a row was added to the table's structure (the Variables row)");
        assertThat(changes(reserves, edited(reserves, "F6 Reserves that strengthen the application,", "RuleTable Hidden,")))
                .as("a cell starting with RuleTable starts a table")
                .singleElement().asString().startsWith("reserves.drl.csv, row 12: a row was added to the table's structure "
                        + "(the RuleTable row): \"RuleTable Hidden | F6-STRONG | 3 | ");
    }

    @Test
    void aCodeColumnsCellMayOnlyTakeAValueItAlreadyHolds() {
        RuleSetFile loanToValue = shipped("loan-to-value.drl.csv");
        assertThat(changes(loanToValue, edited(loanToValue, "above what we accept,F2-RED,!= null,", "above what we accept,F2-RED,!= null || true,")))
                .containsExactly("loan-to-value.drl.csv, row 13, \"Purpose\": \"!= null || true\" is code: this column puts "
                        + "its cells into the code \"request.purpose $param\", so only the values it already holds may be used "
                        + "(\"!= Purpose.DEVELOPMENT\", \"== Purpose.DEVELOPMENT\", \"!= null\")");
    }

    @Test
    void drlNewTablesAndRemovedFilesAreCode() {
        RuleSetFile reserves = shipped("reserves.drl.csv");
        RuleSetFile drl = new RuleSetFile("org/blended/rules/uploaded/extra.drl", "package x;".getBytes(StandardCharsets.UTF_8));
        RuleSetFile newTable = new RuleSetFile("org/blended/rules/uploaded/copy.drl.csv", reserves.content());
        RuleSetFile scenarios = new RuleSetFile("scenarios/criteria.scesim", "<a/>".getBytes(StandardCharsets.UTF_8));
        assertThat(CodeChanges.between(List.of(reserves, scenarios), List.of(reserves, drl, newTable)).stream().map(Object::toString))
                .containsExactly("extra.drl: is a new DRL file, and DRL is code",
                        "copy.drl.csv: is a new decision table: its structure and code rows are code",
                        "criteria.scesim: was removed from the rule set");
        RuleSetFile accounts = new RuleSetFile("org/blended/rules/financial/accounts.drl", "rule a".getBytes(StandardCharsets.UTF_8));
        RuleSetFile changedDrl = new RuleSetFile(accounts.path(), "rule b".getBytes(StandardCharsets.UTF_8));
        assertThat(CodeChanges.between(List.of(reserves, accounts), List.of(reserves, changedDrl)).stream().map(Object::toString))
                .containsExactly("accounts.drl: is a DRL file, and DRL is code");
    }

    // --- helpers

    private static String type(String code, String objectType, String template) {
        var column = new TableLayout.Column(3, org.drools.decisiontable.parser.ActionType.Code.valueOf(code), objectType, template, "");
        return ColumnTypes.of(column).describe();
    }

    private static List<String> problems(RuleSetFile table) {
        return TableCellCheck.check(table).stream().map(Object::toString).toList();
    }

    private static List<String> changes(RuleSetFile base, RuleSetFile draft) {
        return CodeChanges.between(List.of(base), List.of(draft)).stream().map(Object::toString).toList();
    }

    static List<RuleSetFile> shippedTables() {
        return SHIPPED.entrySet().stream().filter(e -> e.getKey().endsWith(".drl.csv"))
                .map(e -> new RuleSetFile(e.getKey(), e.getValue())).toList();
    }

    static RuleSetFile shipped(String name) {
        return shippedTables().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static RuleSetFile edited(String name, String from, String to) {
        return edited(shipped(name), from, to);
    }

    private static RuleSetFile edited(RuleSetFile table, String from, String to) {
        assertThat(table.text()).as(table.name()).contains(from);
        return new RuleSetFile(table.path(), table.text().replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    /** The table as a spreadsheet saves it: the same cells, in one sheet of an .xlsx. */
    private static RuleSetFile asXlsx(RuleSetFile csv) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(RuleSetUploads.stem(csv.name()));
            CsvLineParser parser = new CsvLineParser();
            List<String> lines = new ArrayList<>(csv.text().lines().toList());
            for (int r = 0; r < lines.size(); r++) {
                List<String> cells = parser.parse(lines.get(r));
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return new RuleSetFile(csv.path().replace(".drl.csv", ".xlsx"), out.toByteArray());
        }
    }
}
