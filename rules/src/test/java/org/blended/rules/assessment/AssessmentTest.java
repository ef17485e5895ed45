package org.blended.rules.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AssessmentTest {

    @Test
    void reasonCodesByCriterionGivesEachCriterionsCodesOnceAndSorted() throws ReflectiveOperationException {
        Assessment assessment = new Assessment();
        Map<String, String> byCriterion = reasonCodesByCriterion(assessment);
        assertThat(byCriterion.get("I5")).isEqualTo("none");

        // a view: it reads the reasons reported after it was taken
        assessment.report(List.of(Reason.points("I5-PRIORITY-HIRES", "I5", Theme.IMPACT_HOW_MUCH, 2),
                Reason.condition("D1-EVIDENCE-HIRES", "I5", Theme.EVIDENCE),
                Reason.condition("D1-EVIDENCE-HIRES", "I5", Theme.EVIDENCE),
                Reason.note("E1-SOCIAL-FORM", "E1", Theme.ELIGIBILITY)));

        assertThat(byCriterion.get("I5")).isEqualTo("D1-EVIDENCE-HIRES,I5-PRIORITY-HIRES");
        assertThat(byCriterion.get("E1")).isEqualTo("E1-SOCIAL-FORM");
        assertThat(byCriterion.get("E2")).isEqualTo("none");
        assertThat(byCriterion).containsOnlyKeys("E1", "I5").doesNotContainKey("E2");
    }

    @Test
    void ratingsAndPointsByCriterionGiveEachCriterionsWorstRatingAndItsPointsAsText() throws ReflectiveOperationException {
        Assessment assessment = new Assessment();
        Map<String, String> ratings = byCriterion(assessment, "ratingsByCriterion");
        Map<String, String> points = byCriterion(assessment, "pointsByCriterion");
        assertThat(ratings.get("F1")).isEqualTo("none");
        assertThat(points.get("F1")).isEqualTo("0");

        assessment.report(List.of(Reason.points("F1-AMBER", "F1", Theme.FINANCIAL, 1).rated(FinancialBand.AMBER),
                Reason.points("F1-NO-ACCOUNTS", "F1", Theme.FINANCIAL, 0).rated(FinancialBand.RED),
                Reason.points("I5-PRIORITY-HIRES", "I5", Theme.IMPACT_HOW_MUCH, 2),
                Reason.points("I5-MORE", "I5", Theme.IMPACT_HOW_MUCH, 1),
                Reason.condition("D1-EVIDENCE-HIRES", "I5", Theme.EVIDENCE)));

        assertThat(ratings.get("F1")).isEqualTo("RED");
        assertThat(ratings.get("I5")).isEqualTo("none");
        assertThat(points.get("F1")).isEqualTo("1");
        assertThat(points.get("I5")).isEqualTo("3");
        assertThat(points.get("E2")).isEqualTo("0");
        assertThat(ratings).containsOnlyKeys("F1", "I5").doesNotContainKey("E2");
        assertThat(points).containsOnlyKeys("F1", "I5");
    }

    /** Read as the scenario runner reads it: the field itself. */
    private static Map<String, String> reasonCodesByCriterion(Assessment assessment) throws ReflectiveOperationException {
        return byCriterion(assessment, "reasonCodesByCriterion");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> byCriterion(Assessment assessment, String property) throws ReflectiveOperationException {
        Field field = Assessment.class.getDeclaredField(property);
        field.setAccessible(true);
        return (Map<String, String>) field.get(assessment);
    }
}
