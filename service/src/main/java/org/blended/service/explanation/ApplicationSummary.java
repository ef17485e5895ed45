package org.blended.service.explanation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.blended.service.decision.DecisionView;

/** The summary under the applicant's result: the lender's reference, the dates, the amount and term in plain words. */
record ApplicationSummary(String reference, String received, String decided, String amount, String term) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static ApplicationSummary of(AppliedFor application, DecisionView decision, ZoneId zone) {
        return new ApplicationSummary(application.reference(), day(application.receivedAt(), zone),
                day(decision.decidedAt(), zone), money(application.amount()), term(application.termMonths()));
    }

    /** £120,000, with pence only when there are some. */
    static String money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        NumberFormat gbp = NumberFormat.getCurrencyInstance(Locale.UK);
        gbp.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return gbp.format(amount);
    }

    /** "60 months (5 years)": the months the lender counts in, and the years a reader thinks in. */
    static String term(Integer months) {
        if (months == null) {
            return null;
        }
        String counted = months + (months == 1 ? " month" : " months");
        int years = months / 12;
        int rest = months % 12;
        if (years == 0) {
            return counted;
        }
        String inYears = years + (years == 1 ? " year" : " years")
                + (rest == 0 ? "" : " and " + rest + (rest == 1 ? " month" : " months"));
        return counted + " (" + inYears + ")";
    }

    private static String day(Instant at, ZoneId zone) {
        return at == null ? null : DAY.format(at.atZone(zone));
    }
}
