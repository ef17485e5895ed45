package org.blended.service.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import org.blended.integration.submission.Channel;
import org.blended.rules.application.LegalForm;
import org.blended.rules.assessment.Outcome;

/**
 * The search's parameters, read from the request's text: each one absent (null) or valid, and a
 * bad one refused naming the parameter and what it may be, never a 500 or a silent no-match.
 */
record ApplicationFilter(Outcome outcome, ReviewState reviewState, Instant receivedFrom, Instant receivedBefore,
                         Channel channel, UUID batch, String lenderReference, LegalForm legalForm, String name,
                         SearchCursor after, int limit) {

    /** A review case's state, or NONE: no case was opened on the decision. */
    enum ReviewState { OPEN, ASSIGNED, AWAITING_APPROVAL, DECIDED, NONE }

    /** The raw parameters as sent, any of them null. */
    record Raw(String outcome, String reviewState, String receivedFrom, String receivedTo, String channel, String batch,
               String lenderReference, String legalForm, String name, String after, int limit) {
    }

    /**
     * Dates are days in the service's zone: {@code receivedFrom} from the start of its day,
     * {@code receivedTo} through the end of its day; an instant is taken as it is, {@code receivedTo} exclusive.
     */
    static ApplicationFilter parse(Raw raw, ZoneId zone) {
        return new ApplicationFilter(
                value("outcome", raw.outcome(), Outcome.class),
                value("reviewState", raw.reviewState(), ReviewState.class),
                time("receivedFrom", raw.receivedFrom(), zone, false),
                time("receivedTo", raw.receivedTo(), zone, true),
                value("channel", raw.channel(), Channel.class),
                uuid("batch", raw.batch()),
                text("lenderReference", raw.lenderReference(), 64),
                value("legalForm", raw.legalForm(), LegalForm.class),
                text("name", raw.name(), 200),
                raw.after() == null || raw.after().isEmpty() ? null : SearchCursor.decode(raw.after()),
                raw.limit());
    }

    private static <E extends Enum<E>> E value(String parameter, String text, Class<E> type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw InvalidParameter.of(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + "; it was " + text);
        }
    }

    private static Instant time(String parameter, String text, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).plusDays(endOfDay ? 1 : 0).atStartOfDay(zone).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidParameter.of(parameter, "must be a date (2025-01-31) or an instant (2025-01-31T09:00:00Z); it was " + text);
        }
    }

    private static UUID uuid(String parameter, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw InvalidParameter.of(parameter, "must be a batch id (a UUID); it was " + text);
        }
    }

    private static String text(String parameter, String text, int maxLength) {
        if (text != null && text.length() > maxLength) {
            throw InvalidParameter.of(parameter, "must be at most " + maxLength + " characters; it was " + text.length());
        }
        return text == null || text.isEmpty() ? null : text;
    }
}
