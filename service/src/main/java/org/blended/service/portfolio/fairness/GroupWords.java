package org.blended.service.portfolio.fairness;

import org.blended.service.portfolio.Dimension;
import org.blended.service.portfolio.SizeBand;
import org.blended.service.report.ReportWords;

/** A group's name for people: "Income under £100,000", "Decile 1 (most deprived 10%)", "CIC". */
final class GroupWords {

    private static final ReportWords WORDS = new ReportWords();

    private GroupWords() {
    }

    static String dimension(String dimension) {
        return FairnessChecks.RULE_SET_VERSION.equals(dimension) ? "Rule-set version" : Dimension.valueOf(dimension).words();
    }

    static String group(String dimension, String group) {
        if ("UNKNOWN".equals(group)) {
            return "Not given";
        }
        return switch (dimension) {
            case "SIZE_BAND" -> SizeBand.valueOf(group).words();
            case "DEPRIVATION" -> "Decile " + group + ("1".equals(group) ? " (most deprived 10%)"
                    : "10".equals(group) ? " (least deprived 10%)" : "");
            case "REGION" -> "Postcode area " + group;
            case "LEGAL_FORM" -> WORDS.legalForm(group);
            default -> group;
        };
    }
}
