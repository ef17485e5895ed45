package org.blended.service.portfolio.summary;

import java.util.Comparator;
import java.util.List;

import org.blended.rules.application.BeneficiaryGroup;
import org.blended.rules.application.OutcomeArea;
import org.blended.rules.assessment.Outcome;

/**
 * The Outcomes Matrix's rows and columns in the matrix's own order (the enums follow it), "not stated"
 * last; outcomes from the most to the least favourable, as the overrides report orders them.
 */
final class MatrixOrder {

    private MatrixOrder() {
    }

    static List<String> areas(List<PortfolioSummary.Cell> cells) {
        return cells.stream().map(PortfolioSummary.Cell::area).distinct()
                .sorted(Comparator.comparingInt(a -> rank(a, OutcomeArea.class))).toList();
    }

    static List<String> groups(List<PortfolioSummary.Cell> cells) {
        return cells.stream().map(PortfolioSummary.Cell::group).distinct()
                .sorted(Comparator.comparingInt(g -> rank(g, BeneficiaryGroup.class))).toList();
    }

    static int outcomeOrder(String outcome) {
        return rank(outcome, Outcome.class);
    }

    private static <E extends Enum<E>> int rank(String code, Class<E> type) {
        try {
            return Enum.valueOf(type, code).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE; // NOT_STATED, or a code a later release added
        }
    }
}
