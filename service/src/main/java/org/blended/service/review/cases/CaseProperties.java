package org.blended.service.review.cases;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a person may take: a case should be decided within {@code targetWorkingDays} (weekends
 * and the listed {@code holidays} do not count); an applicant who asks for a review is answered
 * within {@code requestAnswerDays} calendar days (the law allows one month at most).
 */
@ConfigurationProperties("blended.review")
record CaseProperties(Integer targetWorkingDays, Integer requestAnswerDays, List<LocalDate> holidays) {

    public CaseProperties {
        targetWorkingDays = targetWorkingDays == null ? 5 : targetWorkingDays;
        requestAnswerDays = requestAnswerDays == null ? 28 : requestAnswerDays;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        if (targetWorkingDays < 1 || requestAnswerDays < 1 || requestAnswerDays > 31) {
            throw new IllegalArgumentException("blended.review: target-working-days must be at least 1 and "
                    + "request-answer-days between 1 and 31 (one month at most)");
        }
    }
}
