package org.blended.service.explanation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Theme;

/**
 * Why an application got its outcome, built only from the reasons the rules produced, and what
 * would change it. Officers read codes and figures; the applicant page reads the plain sentences.
 */
record Explanation(UUID applicationId, Outcome outcome, String ruleSetVersion, LocalDate assessedOn,
                          List<ThemeExplanation> themes, List<NearMiss> nearMisses, List<Line> evidenceGaps,
                          List<Suggestion> suggestions, String searchNote, int variantsTried, long searchMillis) {

    public record Line(String code, String text, String applicantText, int points) {
    }

    public record ThemeExplanation(Theme theme, boolean socialValue, int points, String verdict,
                                   List<Line> counted, List<Line> against) {
    }

    /** A threshold missed: the applicant's figure and the one that reaches the next better band. */
    public record NearMiss(String code, String criterion, double figure, double threshold, String text,
                           String applicantText) {
    }
}
