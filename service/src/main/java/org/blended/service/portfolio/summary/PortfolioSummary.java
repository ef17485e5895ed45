package org.blended.service.portfolio.summary;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A lender's decisions as a whole over some months: how many and how much by outcome (automated, and
 * final: a person's outcome where one decided, the automated one until then), the approval rate per
 * month, and the social value of what was approved (final outcome): counted claims by measure, the
 * valued part with its sources, and the Outcomes Matrix.
 */
public record PortfolioSummary(Scope scope, Totals total, List<Month> months, List<ByOutcome> byAutomatedOutcome,
                               List<ByOutcome> byFinalOutcome, List<MeasureFigures> measures, List<ValueSource> valueSources,
                               BigDecimal valuedGbp, OutcomesMatrix matrix) {

    /** Whose decisions (null: every lender's), which months, which rule-set version (null: any). */
    public record Scope(String lender, YearMonth from, YearMonth to, String ruleSetVersion, String timeZone) {
    }

    /**
     * @param awaitingPerson referred applications no person has decided yet
     * @param automatedApprovalRate approved by the rules over applications; null with none
     * @param finalApprovalRate approved in the end over applications; null with none
     */
    public record Totals(long applications, BigDecimal amount, long automatedApproved, long finalApproved,
                         long awaitingPerson, BigDecimal approvedAmount, Double automatedApprovalRate,
                         Double finalApprovalRate) {
    }

    public record Month(YearMonth month, Totals figures) {
    }

    public record ByOutcome(String outcome, long applications, BigDecimal amount) {
    }

    /** Approved applications' claims of one measure: gross as claimed, net as counted. */
    public record MeasureFigures(String measure, String unit, long claims, double gross, double net, BigDecimal gbp) {
    }

    /** The valued part of one measure from one source of values (source; licence). */
    public record ValueSource(String measure, String source, double net, BigDecimal gbp) {
    }

    /**
     * Approved applications by outcome area (rows) and beneficiary group (columns). An application
     * counts in every cell of its areas and groups, so cells do not add up to the total.
     */
    public record OutcomesMatrix(List<String> areas, List<String> groups, List<Cell> cells) {

        public Cell cell(String area, String group) {
            return cells.stream().filter(c -> c.area().equals(area) && c.group().equals(group)).findFirst().orElse(null);
        }
    }

    public record Cell(String area, String group, long applications, BigDecimal amount) {
    }
}
