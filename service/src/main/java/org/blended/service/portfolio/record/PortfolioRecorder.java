package org.blended.service.portfolio.record;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.blended.service.decision.ApplicationView;
import org.blended.service.decision.Assessed;
import org.blended.service.decision.AssessedDecisionListener;
import org.blended.service.decision.DecisionView;
import org.springframework.stereotype.Component;

/**
 * Keeps the portfolio as decisions are stored, in the same transaction: each decision's reporting
 * dimensions and counted claims, and the counters the summaries read, a chunk at a time.
 */
@Component
class PortfolioRecorder implements AssessedDecisionListener {

    private final PortfolioWriter writer;
    private final ZoneId zone;

    PortfolioRecorder(PortfolioWriter writer, Clock clock) {
        this.writer = writer;
        this.zone = clock.getZone();
    }

    @Override
    public void recorded(UUID lenderId, List<ApplicationView> decided, List<Assessed> assessed) {
        List<PortfolioRow> rows = new ArrayList<>(decided.size());
        Counts counts = new Counts();
        for (int i = 0; i < decided.size(); i++) {
            DecisionView decision = decided.get(i).decision();
            Assessed item = assessed.get(i);
            PortfolioRow row = new PortfolioRow(decided.get(i).applicationId(), lenderId,
                    LocalDate.ofInstant(decision.decidedAt(), zone).withDayOfMonth(1), decision.ruleSetVersion(),
                    decision.outcome().name(), item.application().getRequest().getAmount(),
                    decision.socialValueGbp() == null ? null : decision.socialValueGbp().setScale(2, java.math.RoundingMode.HALF_UP),
                    ReportedDimensions.of(item.application()), CountedClaims.of(item));
            rows.add(row);
            counts.decision(row, row.automatedOutcome(), 1);
        }
        writer.insert(rows);
        writer.add(counts);
    }
}
