package org.blended.rules.assessment;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The result of assessing one application: inserted empty beside the application (with the
 * evaluation date, an input so that the rules never read the clock), filled in by the rules.
 */
public class Assessment {

    /** Reasons are reported theme by theme, then by code: the same inputs always read the same. */
    public static final Comparator<Reason> REPORTING_ORDER =
            Comparator.comparing(Reason::getTheme).thenComparing(Reason::getCode);
    /**
     * What a criterion without reasons reads in {@code reasonCodesByCriterion}: a word, because in a map
     * the scenario runner skips an empty expectation and matches a missing value only to an empty one.
     */
    static final String NO_REASONS = "none";

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
    /**
     * Each criterion's reason codes as one plain value, so that a Test Scenario can expect a criterion's
     * reasons without an expression: {@code {"E1": {"value": "E1-SOCIAL-FORM"}}}, or "none". A field
     * because the scenario runner reads fields, not getters; a view worked out only when read, so an
     * evaluation pays nothing for it; no getter, so it is no property and never serialised.
     */
    private final transient Map<String, String> reasonCodesByCriterion = new ReasonCodesByCriterion();

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

    /** The codes of one criterion's reasons, each once, sorted and comma separated; "none" when it has none. */
    String reasonCodesOf(String criterion) {
        List<String> codes = reasons.stream().filter(r -> Objects.equals(r.getCriterion(), criterion))
                .map(Reason::getCode).distinct().sorted().toList();
        return codes.isEmpty() ? NO_REASONS : String.join(",", codes);
    }

    /**
     * {@link #reasonCodesOf} by criterion, read-only and worked out when read. Its entries are the criteria
     * that have reasons; any other criterion still reads "none", so that a scenario can expect none.
     */
    private final class ReasonCodesByCriterion extends AbstractMap<String, String> {

        @Override
        public String get(Object criterion) {
            return criterion instanceof String name ? reasonCodesOf(name) : null;
        }

        @Override
        public boolean containsKey(Object criterion) {
            return criterion instanceof String name && !NO_REASONS.equals(reasonCodesOf(name));
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> byCriterion = new TreeMap<>();
            reasons.stream().map(Reason::getCriterion).filter(Objects::nonNull).distinct()
                    .forEach(criterion -> byCriterion.put(criterion, reasonCodesOf(criterion)));
            return Collections.unmodifiableMap(byCriterion).entrySet();
        }
    }
}
