package org.blended.service.portfolio.record;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.blended.service.portfolio.Dimension;

/**
 * The changes one chunk of decisions (or one final decision) makes to the counters, added up in
 * memory first so that each counter row is written once: one batched statement per table.
 */
final class Counts {

    final Map<TallyKey, Tally> tallies = new LinkedHashMap<>();
    final Map<MeasureKey, MeasureTally> measures = new LinkedHashMap<>();

    /** Counts (sign 1) or uncounts (sign -1) one decision in every dimension it has a group in. */
    void decision(PortfolioRow row, String finalOutcome, int sign) {
        ReportedDimensions d = row.dimensions();
        BigDecimal amount = sign < 0 ? row.amount().negate() : row.amount();
        add(row, Dimension.ALL, "ALL", finalOutcome, sign, amount);
        add(row, Dimension.LEGAL_FORM, d.legalForm(), finalOutcome, sign, amount);
        add(row, Dimension.SIZE_BAND, d.sizeBand().name(), finalOutcome, sign, amount);
        add(row, Dimension.REGION, d.region(), finalOutcome, sign, amount);
        add(row, Dimension.DEPRIVATION, d.deprivationDecile(), finalOutcome, sign, amount);
        for (String cell : d.cells()) {
            add(row, Dimension.AREA_GROUP, cell, finalOutcome, sign, amount);
        }
        for (CountedClaim claim : row.claims()) {
            MeasureKey key = new MeasureKey(row.lenderId(), row.month(), row.ruleSetVersion(), row.automatedOutcome(),
                    finalOutcome, claim.measure(), claim.valueSource() == null ? "" : claim.valueSource());
            MeasureTally t = measures.computeIfAbsent(key, k -> new MeasureTally());
            t.claims += sign;
            t.gross += sign * claim.gross();
            t.net += sign * claim.net();
            t.gbp = t.gbp.add(BigDecimal.valueOf(claim.gbp() == null ? 0 : sign * claim.gbp()));
        }
    }

    private void add(PortfolioRow row, Dimension dimension, String group, String finalOutcome, int sign, BigDecimal amount) {
        Tally t = tallies.computeIfAbsent(new TallyKey(row.lenderId(), dimension.name(), row.month(), row.ruleSetVersion(),
                group, row.automatedOutcome(), finalOutcome), k -> new Tally());
        t.applications += sign;
        t.amount = t.amount.add(amount);
    }

    static final class Tally {
        long applications;
        BigDecimal amount = BigDecimal.ZERO;
    }

    static final class MeasureTally {
        long claims;
        double gross;
        double net;
        BigDecimal gbp = BigDecimal.ZERO;
    }
}
