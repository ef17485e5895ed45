package org.blended.service.explanation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.blended.rules.assessment.Outcome;
import org.junit.jupiter.api.Test;

/** Suggestions are distinct: the smallest change of each kind that reaches each better outcome. */
class DistinctSuggestionsTest {

    @Test
    void threeSizesOfOneChangeReachingOneOutcomeAreOneSuggestionTheSmallest() {
        List<Suggestion> kept = WhatWouldChange.distinct(List.of(
                suggestion(Outcome.APPROVE_WITH_CONDITIONS, amount(96_000)),
                suggestion(Outcome.APPROVE_WITH_CONDITIONS, amount(72_000)),
                suggestion(Outcome.APPROVE_WITH_CONDITIONS, amount(60_000)),
                suggestion(Outcome.APPROVE_WITH_CONDITIONS, term(72))));

        assertThat(kept).extracting(s -> s.changes().get(0).to()).containsExactly(96_000, 72);
    }

    @Test
    void aLargerChangeIsKeptOnlyWhenItReachesABetterOutcome() {
        List<Suggestion> kept = WhatWouldChange.distinct(List.of(
                suggestion(Outcome.REFER, amount(96_000)),
                suggestion(Outcome.APPROVE_WITH_CONDITIONS, amount(72_000)),
                suggestion(Outcome.REFER, amount(60_000))));

        assertThat(kept).extracting(s -> s.changes().get(0).to() + " " + s.reaches())
                .containsExactly("96000 REFER", "72000 APPROVE_WITH_CONDITIONS");
    }

    @Test
    void pairsOfTheSameTwoFieldsAreOneKindWhicheverOrderTheyCameIn() {
        List<Suggestion> kept = WhatWouldChange.distinct(List.of(
                suggestion(Outcome.REFER, amount(96_000), term(72)),
                suggestion(Outcome.REFER, term(84), amount(72_000)),
                suggestion(Outcome.REFER, amount(96_000), evidence())));

        assertThat(kept).hasSize(2);
        assertThat(kept.get(0).changes()).extracting(Change.View::to).containsExactly(96_000, 72);
    }

    private static Suggestion suggestion(Outcome reaches, Change.View... changes) {
        return new Suggestion(Arrays.asList(changes), reaches, true);
    }

    private static Change.View amount(int to) {
        return new Change.View("request.amount", 120_000, to, "Ask for less.");
    }

    private static Change.View term(int to) {
        return new Change.View("request.termMonths", 60, to, "Repay over longer.");
    }

    private static Change.View evidence() {
        return new Change.View("impact.claims[0].evidence", "SELF_REPORTED", "RECORDS", "Back your claim with records.");
    }
}
