package org.blended.service.review.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.blended.rules.assessment.Outcome;
import org.blended.service.report.ReportWords;
import org.blended.service.review.cases.CaseState;
import org.blended.service.review.cases.OpenedBecause;

/** Money, moments, ages and states in the words officers read. */
final class Wording {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private static final ReportWords SHARED = new ReportWords();

    private final ZoneId zone;

    Wording(ZoneId zone) {
        this.zone = zone;
    }

    public String money(BigDecimal amount) {
        return SHARED.money(amount);
    }

    public String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at.atZone(zone));
    }

    public String age(Duration age) {
        long hours = age.toHours();
        if (hours < 1) {
            return Math.max(1, age.toMinutes()) + " min";
        }
        if (hours < 48) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return hours / 24 + " days";
    }

    /** The legal form as officers say it: the acronyms stay, the rest in words. */
    public String legalForm(String form) {
        return SHARED.legalForm(form);
    }

    public String outcome(Outcome outcome) {
        return outcome == null ? "" : SHARED.outcome(outcome.name());
    }

    public String state(CaseState state) {
        return switch (state) {
            case OPEN -> "Waiting for an officer";
            case ASSIGNED -> "With an officer";
            case AWAITING_APPROVAL -> "Waiting for a second approval";
            case DECIDED -> "Decided";
        };
    }

    public String because(OpenedBecause because) {
        return switch (because) {
            case REFERRED -> "Referred by the rules";
            case REQUESTED -> "The applicant asked for a review";
            case OFFICER -> "Opened by an officer";
        };
    }
}
