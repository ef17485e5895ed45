package org.blended.service.report;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Reports' figures in people's words on the page: "23%", "5 hours", "3.2 days", "January 2026",
 * "£25,000", "Approve with conditions", "Sole trader".
 */
public final class ReportWords {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final String NONE = "none";

    public String percent(Double rate) {
        if (rate == null) {
            return NONE;
        }
        long percent = Math.round(rate * 100);
        // a rare override must not read as none at all
        return percent == 0 && rate > 0 ? "under 1%" : percent + "%";
    }

    public String duration(Long seconds) {
        if (seconds == null) {
            return NONE;
        }
        if (seconds < 60) {
            return "under a minute";
        }
        if (seconds < 3600) {
            return plural(Math.round(seconds / 60.0), "minute");
        }
        if (seconds < 48 * 3600) {
            return plural(seconds / 3600.0, "hour");
        }
        return plural(seconds / 86400.0, "day");
    }

    public String month(YearMonth month) {
        return month.format(MONTH);
    }

    /** "Sep 2026": a chart's axis has room for no more. */
    public String shortMonth(YearMonth month) {
        return month.format(SHORT_MONTH);
    }

    /** "1 override", "3 overrides". */
    public String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }

    /** One decimal place, dropped when it is nought: "5 hours", "1.5 hours", "1 day". */
    private static String plural(double amount, String unit) {
        double rounded = Math.round(amount * 10) / 10.0;
        String number = rounded == Math.rint(rounded) ? String.valueOf((long) rounded)
                : String.format(Locale.UK, "%.1f", rounded);
        return number + " " + unit + (rounded == 1 ? "" : "s");
    }

    /** Whole pounds where there are no pence: "£25,000", "£1,250.50". */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat gbp = NumberFormat.getCurrencyInstance(Locale.UK);
        gbp.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return gbp.format(amount);
    }

    /** The legal form as officers say it: the acronyms stay, the rest in words. */
    public String legalForm(String form) {
        return switch (form) {
            case "CHARITY" -> "Charity";
            case "SOLE_TRADER" -> "Sole trader";
            case "PARTNERSHIP" -> "Partnership";
            case "UNINCORPORATED" -> "Unincorporated association";
            case "OTHER" -> "Another legal form";
            default -> form; // CIC, CIO, CBS, CLG, CLS
        };
    }

    /** An outcome's code in words. */
    public String outcome(String outcome) {
        return outcome == null ? "" : switch (outcome) {
            case "APPROVE" -> "Approve";
            case "APPROVE_WITH_CONDITIONS" -> "Approve with conditions";
            case "REFER" -> "Refer";
            case "DECLINE" -> "Decline";
            default -> outcome;
        };
    }
}
