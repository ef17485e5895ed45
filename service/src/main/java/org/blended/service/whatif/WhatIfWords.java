package org.blended.service.whatif;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.blended.rules.assessment.Outcome;

/** A what-if's figures in the words policy owners read: "Approve with conditions", "£250,000", "62.5%", "CIC". */
public final class WhatIfWords {

    public String outcome(Outcome outcome) {
        return outcome == null ? "" : switch (outcome) {
            case APPROVE -> "Approve";
            case APPROVE_WITH_CONDITIONS -> "Approve with conditions";
            case REFER -> "Refer";
            case DECLINE -> "Decline";
        };
    }

    /** The legal form as lenders say it: the acronyms stay, the rest in words. */
    public String legalForm(String form) {
        return form == null ? "" : switch (form) {
            case "CHARITY" -> "Charity";
            case "SOLE_TRADER" -> "Sole trader";
            case "PARTNERSHIP" -> "Partnership";
            case "UNINCORPORATED" -> "Unincorporated association";
            case "OTHER" -> "Another legal form";
            default -> form; // CIC, CIO, CBS, CLG, CLS
        };
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat gbp = NumberFormat.getCurrencyInstance(Locale.UK);
        gbp.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return gbp.format(amount);
    }

    /** A rate of 0.625 as "62.5%"; whole percentages without a decimal. */
    public String percent(double rate) {
        double percent = Math.round(rate * 1000) / 10.0;
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.format(Locale.UK, "%.1f", percent)) + "%";
    }

    /** A mean score to one decimal place. */
    public String score(double score) {
        return String.format(Locale.UK, "%.1f", score);
    }

    /** The difference between two rates in percentage points, signed: "+12.5 points", "no change". */
    public String change(double before, double after) {
        double points = Math.round((after - before) * 1000) / 10.0;
        if (points == 0) {
            return "no change";
        }
        String number = points == Math.rint(points) ? String.valueOf((long) Math.abs(points)) : String.format(Locale.UK, "%.1f", Math.abs(points));
        return (points > 0 ? "+" : "−") + number + " points";
    }

    /** A group of applicants: a legal form in words, a size of request in pounds. */
    public String group(WhatIfGroups.Group group) {
        return "legal form".equals(group.dimension()) ? legalForm(group.group()) : switch (group.group()) {
            case "up to GBP 50k" -> "Up to £50,000";
            case "GBP 50k to 150k" -> "£50,000 to £150,000";
            case "GBP 150k to 1m" -> "£150,000 to £1 million";
            case "over GBP 1m" -> "Over £1 million";
            default -> group.group();
        };
    }

    /** What a group is grouped by, as a heading: "Legal form", "Amount requested". */
    public String dimension(String dimension) {
        return dimension == null || dimension.isEmpty() ? "" : Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1);
    }

    /** A reason as the what-if stores it, "F6-AMBER(0)", as "F6-AMBER (0 points)". */
    public String reason(String reason) {
        int open = reason.lastIndexOf('(');
        if (open < 0 || !reason.endsWith(")")) {
            return reason;
        }
        String points = reason.substring(open + 1, reason.length() - 1);
        return reason.substring(0, open) + " (" + points + ("1".equals(points) || "-1".equals(points) ? " point)" : " points)");
    }

    /** How many applications: "1 application", "15 applications". */
    public String applications(int count) {
        return count + (count == 1 ? " application" : " applications");
    }
}
