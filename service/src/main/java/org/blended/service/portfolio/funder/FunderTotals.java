package org.blended.service.portfolio.funder;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.blended.rules.application.Measure;

/** The export's last row: applications, amount, net claims by measure and the valued part, added up as rows pass. */
final class FunderTotals {

    private long applications;
    private BigDecimal amount = BigDecimal.ZERO;
    private BigDecimal valuedGbp = BigDecimal.ZERO;
    private final Map<Measure, Double> net = new EnumMap<>(Measure.class);

    void add(FunderRow row) {
        applications++;
        amount = amount.add(row.amount());
        valuedGbp = valuedGbp.add(row.valuedGbp());
        for (FunderRow.FunderClaim c : row.claims()) {
            net.merge(Measure.valueOf(c.measure()), c.net(), Double::sum);
        }
    }

    long applications() {
        return applications;
    }

    BigDecimal amount() {
        return amount;
    }

    BigDecimal valuedGbp() {
        return valuedGbp;
    }

    /** Net counted of a measure, to the hundredth as claims are counted. */
    double net(Measure measure) {
        return Math.round(net.getOrDefault(measure, 0.0) * 100) / 100.0;
    }
}
