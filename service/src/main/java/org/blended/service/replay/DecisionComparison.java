package org.blended.service.replay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.blended.service.decision.DecisionView;
import org.blended.service.decision.ReasonView;

/** Every way two decisions differ, in words; none when outcome, bands, scores and reasons (in order) are the same. */
final class DecisionComparison {

    private DecisionComparison() {
    }

    public static List<String> differences(DecisionView stored, DecisionView again) {
        List<String> out = new ArrayList<>();
        same(out, "outcome", stored.outcome(), again.outcome());
        same(out, "financial band", stored.financialBand(), again.financialBand());
        same(out, "impact band", stored.impactBand(), again.impactBand());
        same(out, "financial score", stored.financialScore(), again.financialScore());
        same(out, "social value score", stored.socialValueScore(), again.socialValueScore());
        same(out, "social value in GBP", amount(stored.socialValueGbp()), amount(again.socialValueGbp()));
        same(out, "scores by theme", stored.scores(), again.scores());
        List<ReasonView> before = stored.reasons();
        List<ReasonView> after = again.reasons();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            ReasonView b = i < before.size() ? before.get(i) : null;
            ReasonView a = i < after.size() ? after.get(i) : null;
            if (!Objects.equals(b, a)) {
                out.add("reason " + (i + 1) + ": " + (b == null ? "none" : b.code() + " (" + b.points() + ")") + " then, "
                        + (a == null ? "none" : a.code() + " (" + a.points() + ")") + " now"
                        + (b != null && a != null && b.code().equals(a.code()) ? " (its figures or wording differ)" : ""));
            }
        }
        return out;
    }

    private static void same(List<String> out, String what, Object stored, Object again) {
        if (!Objects.equals(stored, again)) {
            out.add(what + ": " + stored + " then, " + again + " now");
        }
    }

    private static BigDecimal amount(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
