package org.blended.rules.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Figures as an applicant reads them: money as "£43,875", a share as "37.5%", reserves as "about
 * 3 weeks of spending". The one place the rule base words a figure for people; an applicant's
 * template asks for it with {@code {0:money}}, {@code {0:percent}} or {@code {0:months}} (see
 * {@link Reason}). Officers' sentences keep the exact figures.
 */
public final class Wording {

    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    private Wording() {
    }

    /**
     * Pounds with thousands separated and no pence ("£43,875"); under £100 with pence where there are
     * any ("£2.50"); under a pound in pence ("13p").
     */
    public static String money(double gbp) {
        if (gbp < 0) {
            return "-" + money(-gbp);
        }
        if (gbp < 1) {
            return Math.round(gbp * 100) + "p";
        }
        if (gbp < 100 && Math.round(gbp * 100) % 100 != 0) {
            return "£" + new DecimalFormat("#,##0.00", UK).format(gbp);
        }
        return "£" + new DecimalFormat("#,##0", UK).format(Math.round(gbp));
    }

    /** A share in percent, to a tenth at most and without a trailing ".0" ("50%", "37.5%"). */
    public static String percent(double pct) {
        return BigDecimal.valueOf(pct).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * Months of spending as people say them, never more than the figure (a threshold it is below
     * stays below): under a month in whole weeks ("more than 3 weeks of spending" for 0.83 months),
     * from a month in half months ("more than 2.5 months of spending" for 2.9).
     */
    public static String monthsOfSpending(double months) {
        if (months <= 0) {
            return "none of your spending";
        }
        if (months < 1) {
            double weeks = months * 52 / 12;
            long whole = (long) Math.floor(weeks);
            if (whole == 0) {
                return "less than a week of spending";
            }
            return (weeks - whole < 0.05 ? "about " : "more than ") + whole + (whole == 1 ? " week" : " weeks") + " of spending";
        }
        double halves = Math.floor(months * 2) / 2;
        String figure = BigDecimal.valueOf(halves).stripTrailingZeros().toPlainString();
        return (months - halves < 0.05 ? "about " : "more than ") + (halves == 1 ? "a month" : figure + " months") + " of spending";
    }

    /** The argument worded as the template's placeholder asks ({@code money}, {@code percent}, {@code months}). */
    static String word(Object argument, String how) {
        if (!(argument instanceof Number number)) {
            return String.valueOf(argument);
        }
        double value = number.doubleValue();
        return switch (how) {
            case "money" -> money(value);
            case "percent" -> percent(value);
            case "months" -> monthsOfSpending(value);
            default -> throw new IllegalArgumentException("no wording \"" + how + "\" for {n:" + how + "}: money, percent or months");
        };
    }
}
