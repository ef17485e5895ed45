package org.blended.service.portfolio.funder;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One approved application as a funder reads it: what was financed, for what outcomes and whom, each
 * counted claim, and the five dimensions of impact in the words the decision's reasons give them.
 */
record FunderRow(String lender, String reference, YearMonth month, String ruleSetVersion, String automatedOutcome,
                 String finalOutcome, String legalForm, BigDecimal amount, Integer termMonths, List<String> outcomeAreas,
                 List<String> beneficiaryGroups, List<FunderClaim> claims, BigDecimal valuedGbp, String what, String who,
                 String howMuch, String contribution, String risk) {

    /** A counted claim; gbp and valueSource null where the measure has no value, irisMetric where none fits. */
    record FunderClaim(String measure, String unit, double gross, double net, String evidence, BigDecimal gbp,
                       String valueSource, String irisMetric) {
    }
}
