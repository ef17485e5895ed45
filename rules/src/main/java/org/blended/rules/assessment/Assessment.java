package org.blended.rules.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of assessing one application: inserted empty beside the application (with the
 * evaluation date, an input so that the rules never read the clock), filled in by the rules.
 */
public class Assessment {

    /** Reasons are reported theme by theme, then by code: the same inputs always read the same. */
    public static final Comparator<Reason> REPORTING_ORDER =
            Comparator.comparing(Reason::getTheme).thenComparing(Reason::getCode);

    private LocalDate assessedOn;
    private FinancialBand financialBand;
    private ImpactBand impactBand;
    private Outcome outcome;
    /** Net claims that have a GBP value, valued a year; null when none has one. */
    private Double socialValueGbp;
    /** socialValueGbp for every pound requested. */
    private Double socialValuePerPound;
    private List<Reason> reasons = new ArrayList<>();
    /** Kept as a field, not only derived, because Test Scenarios compare fields. */
    private String reasonCodes = "";

    public Assessment() {
    }

    public Assessment(LocalDate assessedOn) {
        this.assessedOn = assessedOn;
    }

    /** Takes the reasons the rules produced, in reporting order. ("record" would clash with the DRL parser.) */
    public void report(List<Reason> produced) {
        List<Reason> sorted = new ArrayList<>(produced);
        sorted.sort(REPORTING_ORDER);
        setReasons(sorted);
    }

    /** Points by theme, over the themes that have at least one reason with points. */
    public Map<Theme, Integer> getScores() {
        Map<Theme, Integer> scores = new EnumMap<>(Theme.class);
        for (Reason r : reasons) {
            if (r.getEffect() == Effect.POINTS) {
                scores.merge(r.getTheme(), r.getPoints(), Integer::sum);
            }
        }
        return scores;
    }

    public int getSocialValueScore() {
        return reasons.stream().filter(r -> r.getEffect() == Effect.POINTS && r.getTheme().isSocialValue())
                .mapToInt(Reason::getPoints).sum();
    }

    public int getFinancialScore() {
        return reasons.stream().filter(r -> r.getEffect() == Effect.POINTS && r.getTheme() == Theme.FINANCIAL)
                .mapToInt(Reason::getPoints).sum();
    }

    /** The codes of all reasons in reporting order, comma separated: handy in Test Scenarios. */
    public String getReasonCodes() {
        return reasonCodes;
    }

    public LocalDate getAssessedOn() { return assessedOn; }
    public void setAssessedOn(LocalDate assessedOn) { this.assessedOn = assessedOn; }
    public FinancialBand getFinancialBand() { return financialBand; }
    public void setFinancialBand(FinancialBand financialBand) { this.financialBand = financialBand; }
    public ImpactBand getImpactBand() { return impactBand; }
    public void setImpactBand(ImpactBand impactBand) { this.impactBand = impactBand; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public Double getSocialValueGbp() { return socialValueGbp; }
    public void setSocialValueGbp(Double socialValueGbp) { this.socialValueGbp = socialValueGbp; }
    public Double getSocialValuePerPound() { return socialValuePerPound; }
    public void setSocialValuePerPound(Double socialValuePerPound) { this.socialValuePerPound = socialValuePerPound; }
    public List<Reason> getReasons() { return reasons; }
    public void setReasons(List<Reason> reasons) {
        this.reasons = reasons;
        this.reasonCodes = reasons.stream().map(Reason::getCode).collect(Collectors.joining(","));
    }
}
