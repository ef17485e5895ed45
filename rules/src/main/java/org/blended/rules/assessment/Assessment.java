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
import java.util.function.Function;
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
    /** The kind of lending the rule set's table puts the request in, such as "secured asset finance". */
    private String kindOfLending;
    /** The longest term the rule set lends over for this kind of lending, in months; null when it names none. */
    private Integer longestTermMonths;
    /** The annual rate the repayments of the new loan are worked out at when the application names none. */
    private Double assumedInterestRatePct;
    /** The evidence weights of the rule set's table (I11), and the most a hire without a recruitment programme counts at (I5). */
    private Double weightSelfReported;
    private Double weightRecords;
    private Double weightVerified;
    private Double weightUnprogrammedHire;
    /** Set once every criterion has given its reasons, by {@link #countUp()}: the totals are worked out then. */
    private boolean counted;
    /** The sum of the points of the social value reasons, worked out by {@link #countUp()}. */
    private int socialValuePoints;
    /** Whether the impact band has been lowered a step already (E5): it is lowered at most once. */
    private boolean impactBandLowered;
    private boolean hardStopped;
    /** Whether any reason is a condition to meet. Kept up to date as reasons are given. */
    private boolean conditional;
    /** Kept as a field, not only derived, because Test Scenarios compare fields. */
    private String reasonCodes = "";
    /**
     * Each criterion's reason codes as one plain value, so that a Test Scenario can expect a criterion's
     * reasons without an expression: {@code {"E1": {"value": "E1-SOCIAL-FORM"}}}, or "none". A field
     * because the scenario runner reads fields, not getters; a view worked out only when read, so an
     * evaluation pays nothing for it; no getter, so it is no property and never serialised.
     */
    private final transient Map<String, String> reasonCodesByCriterion = new ReasonCodesByCriterion();
    /**
     * Each criterion's rating, the worst {@link FinancialBand} among its reasons, as text ("AMBER"), or "none"
     * when none of its reasons rates: what a criterion's own Test Scenarios expect rather than the overall band
     * ({@code {"F1": {"value": "GREEN"}}}). A field for the scenario runner, like {@code reasonCodesByCriterion}.
     */
    private final transient Map<String, String> ratingsByCriterion = new ByCriterion(this::ratingOf);
    /**
     * Each criterion's points, the sum over its reasons with points, as text ("3"; "0" when it has none):
     * what a criterion's own Test Scenarios expect ({@code {"I3": {"value": "2"}}}). A field, like the others.
     */
    private final transient Map<String, String> pointsByCriterion = new ByCriterion(this::pointsOf);

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

    /**
     * Gives the assessment a reason. Criteria of the second edition give their reasons here rather
     * than inserting them as facts: nothing else in the rule base matches a reason, so the engine
     * need not match each one against every rule. The totals read them once every criterion has counted.
     */
    public void addReason(Reason reason) {
        reasons.add(reason);
        if (reason.getEffect() == Effect.CONDITION) {
            conditional = true;
        } else if (reason.getEffect() == Effect.HARD_STOP) {
            hardStopped = true;
        }
    }

    /** Values a net claim in GBP a year: adds to the social value in money. */
    public void addSocialValueGbp(double gbp) {
        socialValueGbp = (socialValueGbp == null ? 0 : socialValueGbp) + Math.round(gbp);
    }

    /**
     * Works out the totals once every criterion has given its reasons: the social value points. Plain arithmetic:
     * what the totals mean (bands, the matrix) stays in the rule set's tables.
     */
    public void countUp() {
        int points = 0;
        for (Reason r : reasons) {
            if (r.getEffect() == Effect.POINTS && r.getTheme().isSocialValue()) {
                points += r.getPoints();
            }
        }
        socialValuePoints = points;
    }

    /**
     * The worst rating among the reasons of the financial criteria named (e.g. "F1 F2 F5 F6", separated by
     * spaces or commas); GREEN when none of them rates. The financial band table combines these.
     */
    public FinancialBand worstRatingOf(String criteria) {
        FinancialBand worst = FinancialBand.GREEN;
        for (Reason r : reasons) {
            if (r.getRating() != null && r.getRating().ordinal() > worst.ordinal() && r.getTheme() == Theme.FINANCIAL
                    && named(criteria, r.getCriterion())) {
                worst = r.getRating();
            }
        }
        return worst;
    }

    private static boolean named(String criteria, String criterion) {
        if (criterion == null) {
            return false;
        }
        int at = criteria.indexOf(criterion);
        while (at >= 0) {
            int end = at + criterion.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(criteria.charAt(at - 1));
            boolean endsWord = end == criteria.length() || !Character.isLetterOrDigit(criteria.charAt(end));
            if (startsWord && endsWord) {
                return true;
            }
            at = criteria.indexOf(criterion, at + 1);
        }
        return false;
    }

    /**
     * The code, when no reason of it has been given yet; otherwise null. A table row binds it to
     * give its reason once ({@code $code : notYetGiven("D1-MONITORING"), $code != null}) and to name
     * the reason with the same cell.
     */
    public String notYetGiven(String code) {
        return hasReason(code) ? null : code;
    }

    /** Whether a reason of this code has been given. */
    public boolean hasReason(String code) {
        for (Reason r : reasons) {
            if (code.equals(r.getCode())) {
                return true;
            }
        }
        return false;
    }

    /** Puts the reasons in reporting order once the assessment is complete. */
    public void putInReportingOrder() {
        reasons.sort(REPORTING_ORDER);
        setReasons(reasons);
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

    public String getKindOfLending() { return kindOfLending; }
    public void setKindOfLending(String kindOfLending) { this.kindOfLending = kindOfLending; }
    public Integer getLongestTermMonths() { return longestTermMonths; }
    public void setLongestTermMonths(Integer longestTermMonths) { this.longestTermMonths = longestTermMonths; }
    public Double getWeightSelfReported() { return weightSelfReported; }
    public void setWeightSelfReported(Double weight) { this.weightSelfReported = weight; }
    public Double getWeightRecords() { return weightRecords; }
    public void setWeightRecords(Double weight) { this.weightRecords = weight; }
    public Double getWeightVerified() { return weightVerified; }
    public void setWeightVerified(Double weight) { this.weightVerified = weight; }
    public Double getWeightUnprogrammedHire() { return weightUnprogrammedHire; }
    public void setWeightUnprogrammedHire(Double weight) { this.weightUnprogrammedHire = weight; }
    public Double getAssumedInterestRatePct() { return assumedInterestRatePct; }
    public void setAssumedInterestRatePct(Double assumedInterestRatePct) { this.assumedInterestRatePct = assumedInterestRatePct; }
    public boolean isCounted() { return counted; }
    /** Set by the rule that counts up, after {@link #countUp()}, so that the rules reading the totals see them. */
    public void setCounted(boolean counted) { this.counted = counted; }
    public int getSocialValuePoints() { return socialValuePoints; }
    public boolean isImpactBandLowered() { return impactBandLowered; }
    public void setImpactBandLowered(boolean impactBandLowered) { this.impactBandLowered = impactBandLowered; }
    public boolean isHardStopped() { return hardStopped; }
    public boolean isConditional() { return conditional; }
    public void setConditional(boolean conditional) { this.conditional = conditional; }
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

    /** The worst rating among one criterion's reasons, as text; "none" when none of them rates. */
    String ratingOf(String criterion) {
        return reasons.stream().filter(r -> Objects.equals(r.getCriterion(), criterion) && r.getRating() != null)
                .map(Reason::getRating).max(Comparator.naturalOrder()).map(FinancialBand::name).orElse(NO_REASONS);
    }

    /** The sum of the points of one criterion's reasons that give points, as text. */
    String pointsOf(String criterion) {
        return String.valueOf(reasons.stream().filter(r -> Objects.equals(r.getCriterion(), criterion) && r.getEffect() == Effect.POINTS)
                .mapToInt(Reason::getPoints).sum());
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

    /**
     * One text per criterion, read-only and worked out when read, as {@link ReasonCodesByCriterion}: its entries are
     * the criteria that have reasons, and any other criterion still reads a value (the runner matches a missing
     * value only to an empty expectation, and skips an empty one).
     */
    private final class ByCriterion extends AbstractMap<String, String> {

        private final Function<String, String> valueOf;

        ByCriterion(Function<String, String> valueOf) {
            this.valueOf = valueOf;
        }

        @Override
        public String get(Object criterion) {
            return criterion instanceof String name ? valueOf.apply(name) : null;
        }

        @Override
        public boolean containsKey(Object criterion) {
            return criterion instanceof String name && reasons.stream().anyMatch(r -> name.equals(r.getCriterion()));
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> byCriterion = new TreeMap<>();
            reasons.stream().map(Reason::getCriterion).filter(Objects::nonNull).distinct()
                    .forEach(criterion -> byCriterion.put(criterion, valueOf.apply(criterion)));
            return Collections.unmodifiableMap(byCriterion).entrySet();
        }
    }
}
