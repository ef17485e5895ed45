package org.blended.service.review.report;

import java.time.YearMonth;
import java.util.List;

/**
 * What officers' final decisions say about the rules: how often, where and why people decided
 * otherwise than the automated decision, and how long a person took, per month and in all.
 * Times to a human decision are in seconds (from the case's opening to the final decision).
 */
record OverridesReport(Scope scope, Figures total, List<Month> months, List<Group> byCriterion, List<Group> byReason,
                       List<Group> byDirection, List<Group> byRuleSetVersion, List<Group> byOfficer) {

    /** Which decisions were counted: the lender (null: every lender), months in the time zone, the rule set. */
    record Scope(String lender, YearMonth from, YearMonth to, String timeZone, String ruleSetVersion) {
    }

    /** Final decisions, the overrides among them, their rate, and the median and 95th percentile time to them. */
    record Figures(int finalDecisions, int overrides, Double overrideRate, Long medianSecondsToDecision,
                   Long p95SecondsToDecision) {
    }

    record Month(YearMonth month, Figures figures) {
    }

    /** One criterion, override reason, direction, rule-set version or officer: its code, what people read, and its figures. */
    record Group(String key, String label, Figures figures) {
    }
}
