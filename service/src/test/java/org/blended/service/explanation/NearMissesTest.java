package org.blended.service.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.Theme;
import org.blended.service.decision.ReasonView;
import org.junit.jupiter.api.Test;

/** Near misses from crafted reasons: only genuine ones, in words the applicant reads. */
class NearMissesTest {

    static final double WITHIN = 0.2;

    @Test
    void aFigureJustShortOfTheNextBandIsANearMissInWordsWithTheApplicantsFigureAndOurs() {
        var misses = NearMisses.of(List.of(reason("F6-AMBER", "F6", FinancialBand.AMBER, 0.8333, 1.0)), WITHIN);

        assertThat(misses).singleElement().satisfies(m -> {
            assertThat(m.applicantText()).isEqualTo("Your free reserves would cover more than 3 weeks of spending; we look for at least 1 month.");
            assertThat(m.text()).isEqualTo("F6-AMBER: 0.83 < 1");
        });
    }

    @Test
    void aPassedCriterionIsNeverANearMissEvenWithABetterBandAbove() {
        assertThat(NearMisses.of(List.of(reason("F6-GREEN", "F6", FinancialBand.GREEN, 2.9, 3.0)), WITHIN)).isEmpty();
    }

    @Test
    void aFigureNowhereNearTheThresholdIsNotANearMiss() {
        assertThat(NearMisses.of(List.of(reason("F1-RED", "F1", FinancialBand.RED, 0.27, 1.0),
                reason("I6-LOCAL-SPEND", "I6", null, 10.7, 25.0)), WITHIN)).isEmpty();
    }

    @Test
    void theDistanceIsConfigurable() {
        ReasonView cover = reason("F1-RED", "F1", FinancialBand.RED, 0.75, 1.0);
        assertThat(NearMisses.of(List.of(cover), 0.2)).isEmpty();
        assertThat(NearMisses.of(List.of(cover), 0.25)).hasSize(1);
    }

    @Test
    void aCeilingSaysAtMostAndAnUnratedImpactFigureBelowItsBestBandCounts() {
        var misses = NearMisses.of(List.of(reason("F2-AMBER", "F2", FinancialBand.AMBER, 74.6, 70.0),
                reason("I6-LOCAL-SPEND", "I6", null, 22.04, 25.0),
                reason("I3-SOME-REACH", "I3", null, 4.5, 5.0),
                reason("F4-AMBER", "F4", FinancialBand.AMBER, 1.1234, 1.0)), WITHIN);

        assertThat(misses).extracting(Explanation.NearMiss::applicantText).containsExactly(
                "Your loan would be 75% of the value of the security you offer; we look for at most 70%.",
                "Your spending with local suppliers counts as 22% of your year's spending; we look for at least 25%.",
                "You would reach 4.5 people a year for every £10,000 you ask for; we look for at least 5 people.",
                "Your loan is 1.12 times your latest year's income; we look for at most 1 times.");
    }

    @Test
    void noSentenceShowsACodeEvenForACriterionItDoesNotKnow() {
        var misses = NearMisses.of(List.of(reason("I6-LITTLE-LOCAL-SPEND", "I6", null, 4.5, 5.0),
                reason("X9-AMBER", "X9", FinancialBand.AMBER, 9.5, 10.0)), WITHIN);

        assertThat(misses).extracting(Explanation.NearMiss::applicantText)
                .allSatisfy(text -> assertThat(text).doesNotContainPattern("\\b[A-Z]\\d+\\b"))
                .containsExactly("Your spending with local suppliers counts as 4.5% of your year's spending; we look for at least 5%.",
                        "Your figure for this measure is 9.5; we look for at least 10.");
    }

    @Test
    void numbersAreRoundedAndThousandsSeparated() {
        assertThat(NearMisses.number(12500.0, 0)).isEqualTo("12,500");
        assertThat(NearMisses.number(0.8333, 2)).isEqualTo("0.83");
        assertThat(NearMisses.number(1.0, 2)).isEqualTo("1");
        assertThat(NearMisses.number(10.6666, 1)).isEqualTo("10.7");
    }

    static ReasonView reason(String code, String criterion, FinancialBand rating, double figure, double threshold) {
        Theme theme = criterion.startsWith("F") ? Theme.FINANCIAL : Theme.LOCAL_ECONOMY;
        return new ReasonView(code, criterion, theme, Effect.POINTS, 0, rating, "officer text", "applicant text",
                "a rule", figure, threshold);
    }
}
