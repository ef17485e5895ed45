package org.blended.service.portfolio.record;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.blended.rules.application.Application;
import org.blended.rules.application.FinancialYear;
import org.blended.rules.application.Impact;
import org.blended.service.portfolio.SizeBand;

/**
 * What the portfolio reports one application by, read once from the application as the rules saw it.
 * Nothing here is a protected characteristic, and nothing is inferred about people.
 */
record ReportedDimensions(String legalForm, SizeBand sizeBand, String region, String deprivationDecile,
                          Integer termMonths, List<String> outcomeAreas, List<String> beneficiaryGroups) {

    static final String UNKNOWN = "UNKNOWN";
    /** An Outcomes Matrix row or column for an application that named no area or no group. */
    static final String NOT_STATED = "NOT_STATED";

    static ReportedDimensions of(Application application) {
        Impact impact = application.getImpact();
        Integer decile = impact == null ? null : impact.getAreaDeprivationDecile();
        return new ReportedDimensions(application.getApplicant().getLegalForm().name(),
                SizeBand.ofIncome(latestIncome(application)),
                PostcodeArea.mostServed(application.getApplicant().getPostcodesServed()),
                decile == null ? UNKNOWN : String.valueOf(decile),
                application.getRequest().getTermMonths(),
                impact == null ? List.of() : impact.getOutcomeAreas().stream().map(Enum::name).distinct().sorted().toList(),
                impact == null ? List.of() : impact.getBeneficiaryGroups().stream().map(Enum::name).distinct().sorted().toList());
    }

    /** The Outcomes Matrix cells the application counts in: each area with each group. */
    List<String> cells() {
        List<String> areas = outcomeAreas.isEmpty() ? List.of(NOT_STATED) : outcomeAreas;
        List<String> groups = beneficiaryGroups.isEmpty() ? List.of(NOT_STATED) : beneficiaryGroups;
        return areas.stream().flatMap(a -> groups.stream().map(g -> a + "/" + g)).toList();
    }

    static String spaced(List<String> codes) {
        return codes.stream().collect(Collectors.joining(" "));
    }

    private static BigDecimal latestIncome(Application application) {
        if (application.getFinancials() == null || application.getFinancials().getYears() == null) {
            return null;
        }
        return application.getFinancials().getYears().stream()
                .filter(y -> y.getYear() != null && y.getIncome() != null)
                .max(Comparator.comparing(FinancialYear::getYear))
                .map(FinancialYear::getIncome).orElse(null);
    }
}
