package org.blended.service.report;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.lender.LenderRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads the report's parameters as sent (the page and the API take the same ones) into a filter,
 * refusing each one that cannot be used with why. Months are the service's time zone's.
 */
@Component
public class ReportFilters {

    /** Five years of months at most: the report is read in one piece. */
    public static final int MAX_MONTHS = 60;
    private static final int DEFAULT_MONTHS = 12;

    private final LenderRepository lenders;
    private final Clock clock;

    public ReportFilters(LenderRepository lenders, Clock clock) {
        this.lenders = lenders;
        this.clock = clock;
    }

    /**
     * @param confinedTo the lender of an officer or a lender's key, who read theirs only; null for a
     *                   policy owner or rule author, who read every lender's or the one named by lender
     */
    public ReportFilter of(UUID confinedTo, String from, String to, String ruleSetVersion, String lender) {
        YearMonth last = month("to", to, YearMonth.now(clock));
        YearMonth first = month("from", from, last.minusMonths(DEFAULT_MONTHS - 1));
        if (first.isAfter(last)) {
            throw new InvalidReportParameter("from", "must not be after to (" + last + "); it was " + first);
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw new InvalidReportParameter("from", "must be at most " + MAX_MONTHS + " months before to (" + last
                    + "); it was " + first);
        }
        String version = blankAsNull(ruleSetVersion);
        if (version != null && version.length() > 64) {
            throw new InvalidReportParameter("ruleSetVersion", "must be at most 64 characters");
        }
        String code = blankAsNull(lender);
        if (code == null) {
            // the scope names the lender read, so a reader sees whose figures these are
            return new ReportFilter(confinedTo, confinedTo == null ? null
                    : lenders.findById(confinedTo).map(Lender::getCode).orElse(null), first, last, version);
        }
        Lender named = lenders.findByCode(code).orElseThrow(() -> new InvalidReportParameter("lender", "must be a lender's code; "
                + "no lender has the code " + (code.matches(LenderDirectory.CODE_PATTERN) ? code : "sent")));
        if (confinedTo != null && !confinedTo.equals(named.getId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "You may read your own lender's figures only");
        }
        return new ReportFilter(named.getId(), named.getCode(), first, last, version);
    }

    private static YearMonth month(String parameter, String value, YearMonth otherwise) {
        String text = blankAsNull(value);
        if (text == null) {
            return otherwise;
        }
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(text);
            }
        } catch (DateTimeParseException e) {
            // said below, in the sender's terms
        }
        String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
        throw new InvalidReportParameter(parameter, "must be a month written YYYY-MM, such as 2026-01; it was " + shown);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
