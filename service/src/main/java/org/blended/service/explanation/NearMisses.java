package org.blended.service.explanation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Reason;
import org.blended.service.decision.ReasonView;

/**
 * The thresholds an application only just missed. A reason is a near miss when it is rated below the
 * best band (a green rating passed, whatever band is above it) and its figure lies within a relative
 * distance of the next band's threshold: within 0.2, a cover of 0.9 misses 1.0 narrowly, 0.27 does not.
 * The applicant's sentence names the measure in words and says which figure is theirs, never a code.
 */
final class NearMisses {

    /**
     * How each compared figure reads: the applicant's figure in a sentence, the unit after a number
     * (singular, plural), and how many decimals people need. A criterion not listed reads generically.
     */
    private record Measure(String yours, String one, String many, int decimals) {
    }

    private static final Map<String, Measure> MEASURES = Map.of(
            "F1", new Measure("Your yearly surplus covers the loan repayments %s", "times", "times", 2),
            "F2", new Measure("Your loan would be %s of the value of the security you offer", "%", "%", 0),
            "F3", new Measure("Your organisation has traded for %s", "year", "years", 1),
            "F4", new Measure("Your loan is %s your latest year's income", "times", "times", 2),
            "F6", new Measure("Your free reserves would cover %s", "month", "months", 1),
            "I3", new Measure("You would reach %s a year for every £10,000 you ask for", "person", "people", 1),
            "I6", new Measure("Your spending with local suppliers counts as %s of your year's spending", "%", "%", 1));

    private static final Measure ANY = new Measure("Your figure for this measure is %s", "", "", 2);

    private NearMisses() {
    }

    static List<Explanation.NearMiss> of(List<ReasonView> reasons, double within) {
        return reasons.stream().filter(r -> genuine(r, within)).map(NearMisses::nearMiss).toList();
    }

    /** Below the best band, and the figure within {@code within} (relative) of the next band's threshold. */
    static boolean genuine(ReasonView r, double within) {
        if (r.figure() == null || r.threshold() == null || r.rating() == FinancialBand.GREEN) {
            return false;
        }
        double threshold = r.threshold();
        if (threshold == 0 || r.figure() == threshold) {
            return false; // no relative distance to a zero threshold; at the threshold it is not missed
        }
        return Math.abs(r.figure() - threshold) / Math.abs(threshold) <= within;
    }

    private static Explanation.NearMiss nearMiss(ReasonView r) {
        Measure m = MEASURES.getOrDefault(r.criterion(), ANY);
        boolean atLeast = r.figure() < r.threshold();
        // Reserves read as people say them ("more than 3 weeks of spending"), never rounded up past the threshold.
        String yours = "F6".equals(r.criterion()) ? Reason.Wording.monthsOfSpending(r.figure()) : amount(m, r.figure());
        String plain = m.yours().formatted(yours) + "; we look for "
                + (atLeast ? "at least " : "at most ") + amount(m, r.threshold()) + ".";
        String officer = r.code() + ": " + number(r.figure(), 2) + (atLeast ? " < " : " > ") + number(r.threshold(), 2);
        return new Explanation.NearMiss(r.code(), r.criterion(), r.figure(), r.threshold(), officer, plain);
    }

    /** "1.1 times", "75%", "1 month": rounded for people, the unit agreeing with the number. */
    private static String amount(Measure m, double value) {
        String number = number(value, m.decimals());
        if (m.one().equals("%")) {
            return number + "%";
        }
        String unit = number.equals("1") ? m.one() : m.many();
        return unit.isEmpty() ? number : number + " " + unit;
    }

    /** Rounded half up to at most {@code decimals}, no trailing zeros, thousands separated: 12,500 or 0.83. */
    static String number(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setMaximumFractionDigits(decimals);
        return format.format(rounded);
    }
}
