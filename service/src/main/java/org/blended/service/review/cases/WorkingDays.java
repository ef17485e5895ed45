package org.blended.service.review.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Adds working days (not Saturdays, Sundays or the listed holidays) to a moment, keeping its time of day. */
final class WorkingDays {

    private final ZoneId zone;
    private final Set<java.time.LocalDate> holidays;

    WorkingDays(ZoneId zone, Set<java.time.LocalDate> holidays) {
        this.zone = zone;
        this.holidays = holidays;
    }

    Instant after(Instant start, int days) {
        ZonedDateTime at = start.atZone(zone);
        int counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(at.toLocalDate())) {
                counted++;
            }
        }
        return at.toInstant();
    }
}
