package org.blended.service.explanation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.blended.rules.application.Application;
import org.blended.rules.application.Claim;
import org.blended.rules.application.EvidenceGrade;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.MeasureValue;
import org.blended.rules.assessment.Outcome;
import org.blended.service.assessment.CompiledRuleSet;
import org.blended.service.assessment.EvaluationFailedException;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.decision.StoredInputs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Finds the smallest sets of actionable changes that move an application to a better outcome,
 * each verified by evaluating the changed application as the decision was made: the same rule-set
 * version, date and lender's measure values (a suggestion checked against today's policy would
 * not explain the decision the applicant got). The search is bounded: single changes, then pairs,
 * within a time budget; it says when it found none.
 */
@Service
class WhatWouldChange {

    private final RuleEngine engine;
    private final StoredInputs inputs;
    private final long budgetMillis;
    private final int maxSuggestions;

    public WhatWouldChange(RuleEngine engine, StoredInputs inputs,
                           @Value("${blended.explanation.search-millis:500}") long budgetMillis,
                           @Value("${blended.explanation.max-suggestions:5}") int maxSuggestions) {
        this.engine = engine;
        this.inputs = inputs;
        this.budgetMillis = budgetMillis;
        this.maxSuggestions = maxSuggestions;
    }

    public record Search(List<Suggestion> suggestions, int variantsTried, long millis, boolean complete, String note) {
    }

    /** What the decision was made with: every variant is assessed with exactly these. */
    record Basis(CompiledRuleSet rules, String payload, LocalDate assessedOn, List<MeasureValue> lenderValues) {
    }

    public Search search(Basis basis, Outcome current) {
        long started = System.nanoTime();
        if (current == Outcome.APPROVE) {
            return new Search(List.of(), 0, 0, true, "Approved outright: nothing needs to change.");
        }
        List<Change> candidates = candidates(basis);
        List<Suggestion> found = new ArrayList<>();
        List<List<Change>> improving = new ArrayList<>();
        Skipped skipped = new Skipped();
        int tried = 0;
        boolean complete = true;
        for (Change change : candidates) {
            if (overBudget(started)) {
                complete = false;
                break;
            }
            tried++;
            Outcome reached = evaluate(basis, List.of(change), skipped);
            if (reached != null && rank(reached) > rank(current)) {
                found.add(new Suggestion(List.of(change.view()), reached, true));
                improving.add(List.of(change));
            }
        }
        // Pairs only of changes that do not already succeed alone: a suggestion is a smallest set.
        for (int i = 0; complete && i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                Change a = candidates.get(i);
                Change b = candidates.get(j);
                if (a.field().equals(b.field()) || succeedsAlone(improving, a) || succeedsAlone(improving, b)) {
                    continue;
                }
                if (overBudget(started)) {
                    complete = false;
                    break;
                }
                tried++;
                Outcome reached = evaluate(basis, List.of(a, b), skipped);
                if (reached != null && rank(reached) > rank(current)) {
                    found.add(new Suggestion(List.of(a.view(), b.view()), reached, true));
                }
            }
        }
        List<Suggestion> best = new ArrayList<>(distinct(found));
        best.sort(Comparator.comparing((Suggestion s) -> -rank(s.reaches())).thenComparing(s -> s.changes().size()));
        best = best.stream().limit(maxSuggestions).toList();
        long millis = (System.nanoTime() - started) / 1_000_000;
        String note = best.isEmpty()
                ? (complete ? "No change of one or two things you can act on would improve the outcome."
                            : "No improving change was found within the search limit of " + budgetMillis + " ms.")
                : "Each suggestion was checked by assessing the changed application with the rules, date and values the decision was made with.";
        if (skipped.count > 0) {
            note += " " + skipped.count + (skipped.count == 1 ? " changed application" : " changed applications")
                    + " could not be assessed and " + (skipped.count == 1 ? "was" : "were") + " skipped: " + skipped.reason + ".";
        }
        return new Search(best, tried, millis, complete, note);
    }

    /** Variants the rule set could not assess (past a limit, a rule failing): skipped, and said so in the note. */
    private static final class Skipped {
        int count;
        String reason;
    }

    /** The outcome the changes reach, or null when the rule set could not assess the changed application. */
    private Outcome evaluate(Basis basis, List<Change> changes, Skipped skipped) {
        try {
            Application changed = inputs.application(basis.payload());
            changes.forEach(c -> c.apply().accept(changed));
            return assess(basis, changed).getOutcome();
        } catch (EvaluationFailedException e) {
            skipped.count++;
            if (skipped.reason == null) {
                skipped.reason = e.getMessage();
            }
            return null;
        }
    }

    private Assessment assess(Basis basis, Application application) {
        return engine.evaluate(basis.rules(), application, basis.assessedOn(), basis.lenderValues());
    }

    /**
     * One suggestion per kind of change and outcome: the candidates of a field come smallest first,
     * so a larger change of the same field(s) is kept only when it reaches a strictly better outcome
     * than the smaller ones did. "Ask for £96k, £72k or £60k" for one outcome is one suggestion, £96k.
     */
    static List<Suggestion> distinct(List<Suggestion> inSearchOrder) {
        Map<List<String>, Integer> bestRank = new HashMap<>();
        List<Suggestion> kept = new ArrayList<>();
        for (Suggestion s : inSearchOrder) {
            List<String> kind = s.changes().stream().map(Change.View::field).sorted().toList();
            int reached = rank(s.reaches());
            if (reached > bestRank.getOrDefault(kind, -1)) {
                bestRank.put(kind, reached);
                kept.add(s);
            }
        }
        return kept;
    }

    /**
     * The changes worth trying. Where a change needs a policy figure (the longest term lent over, the
     * loan to value that rates green) the search asks the rule set, never a copy of its own: the
     * longest term is what the rule set's kinds of lending give the application, and the security to
     * offer is found by assessing the application secured at different values. So the search follows a
     * policy change. A rule set that names no longest term gets no suggestion of a longer one.
     */
    private List<Change> candidates(Basis basis) {
        Application a = inputs.application(basis.payload());
        Integer longestTerm = longestTerm(basis, a);
        List<Change> changes = new ArrayList<>();
        var claims = a.getImpact().getClaims();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            if (claim.getEvidence() != EvidenceGrade.INDEPENDENTLY_VERIFIED) {
                EvidenceGrade better = claim.getEvidence() == EvidenceGrade.SELF_REPORTED ? EvidenceGrade.RECORDS
                        : EvidenceGrade.INDEPENDENTLY_VERIFIED;
                int index = i;
                String what = claim.getMeasure().name().toLowerCase().replace('_', ' ');
                changes.add(new Change("impact.claims[" + i + "].evidence", claim.getEvidence(), better,
                        better == EvidenceGrade.RECORDS ? "Back your claim about " + what + " with records."
                                : "Have your claim about " + what + " independently verified.",
                        app -> app.getImpact().getClaims().get(index).setEvidence(better)));
            }
        }
        var request = a.getRequest();
        BigDecimal amount = request.getAmount();
        for (double share : new double[] {0.8, 0.6, 0.5}) {
            BigDecimal smaller = amount.multiply(BigDecimal.valueOf(share)).setScale(-3, RoundingMode.DOWN).setScale(0, RoundingMode.UNNECESSARY);
            if (smaller.signum() > 0 && smaller.compareTo(amount) < 0) {
                changes.add(new Change("request.amount", amount, smaller,
                        "Ask for " + pounds(smaller) + " instead of " + pounds(amount) + ".",
                        app -> app.getRequest().setAmount(smaller)));
            }
        }
        int term = request.getTermMonths();
        for (int longer : new int[] {term + 12, term + 24, term + 36}) {
            if (longestTerm != null && longer <= longestTerm) {
                changes.add(new Change("request.termMonths", term, longer,
                        "Repay over " + longer + " months instead of " + term + ".",
                        app -> app.getRequest().setTermMonths(longer)));
            }
        }
        if (!Boolean.TRUE.equals(request.getSecured()) && Boolean.TRUE.equals(a.getApplicant().getPowerToCharge())) {
            BigDecimal security = securityRatedGreen(basis);
            if (security != null) {
                changes.add(new Change("request.securityValue", request.getSecurityValue(), security,
                        "Offer security worth at least " + pounds(security) + ".",
                        app -> {
                            app.getRequest().setSecured(true);
                            app.getRequest().setSecurityValue(security);
                        }));
            }
        }
        if (Boolean.FALSE.equals(a.getApplicant().getPowerToBorrow())) {
            changes.add(new Change("applicant.powerToBorrow", false, true,
                    "Add a power to borrow to your governing document.",
                    app -> app.getApplicant().setPowerToBorrow(true)));
        }
        return changes;
    }

    private Integer longestTerm(Basis basis, Application a) {
        try {
            return assess(basis, a).getLongestTermMonths();
        } catch (EvaluationFailedException e) {
            return null;
        }
    }

    /**
     * The least security, in whole pounds of loan to value, at which the rule set rates the loan to value
     * (F2) green for this application: a binary search over 1% to 100%, about seven assessments. Null
     * when no loan to value up to 100% rates green.
     */
    private BigDecimal securityRatedGreen(Basis basis) {
        BigDecimal amount = inputs.application(basis.payload()).getRequest().getAmount();
        int low = 1, high = 100, best = 0; // best: the highest percent that rates green
        while (low <= high) {
            int pct = (low + high) >>> 1;
            if (loanToValueRatedGreen(basis, securityAt(amount, pct))) {
                best = pct;
                low = pct + 1;
            } else {
                high = pct - 1;
            }
        }
        return best == 0 ? null : securityAt(amount, best);
    }

    private static BigDecimal securityAt(BigDecimal amount, int loanToValuePct) {
        return amount.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(loanToValuePct), 0, RoundingMode.UP);
    }

    private boolean loanToValueRatedGreen(Basis basis, BigDecimal security) {
        Application secured = inputs.application(basis.payload());
        secured.getRequest().setSecured(true);
        secured.getRequest().setSecurityValue(security);
        try {
            return assess(basis, secured).getReasons().stream()
                    .anyMatch(r -> "F2".equals(r.getCriterion()) && r.getRating() == FinancialBand.GREEN);
        } catch (EvaluationFailedException e) {
            return false;
        }
    }

    private boolean overBudget(long started) {
        return (System.nanoTime() - started) / 1_000_000 > budgetMillis;
    }

    private static boolean succeedsAlone(List<List<Change>> improving, Change change) {
        return improving.stream().anyMatch(set -> set.size() == 1 && set.get(0) == change);
    }

    static int rank(Outcome outcome) {
        return switch (outcome) {
            case DECLINE -> 0;
            case REFER -> 1;
            case APPROVE_WITH_CONDITIONS -> 2;
            case APPROVE -> 3;
        };
    }

    private static String pounds(BigDecimal amount) {
        return String.format("£%,d", amount.longValue());
    }
}
