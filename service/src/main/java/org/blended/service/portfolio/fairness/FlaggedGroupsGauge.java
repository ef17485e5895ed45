package org.blended.service.portfolio.fairness;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.report.ReportFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The groups flagged over each lender's last twelve months, for alerting:
 * {@code blended_portfolio_fairness_flagged{lender, dimension, group, basis}} (basis: automated or
 * final) is the group's approval rate as a share of the overall rate, one series per flagged group
 * and none when nothing is flagged. Worked out again every {@code gauge-refresh} from the counters.
 */
@Component
class FlaggedGroupsGauge {

    private static final int MONTHS = 12;

    private final FairnessChecks checks;
    private final LenderDirectory lenders;
    private final Clock clock;
    private final MultiGauge flagged;

    FlaggedGroupsGauge(FairnessChecks checks, LenderDirectory lenders, Clock clock, MeterRegistry meters) {
        this.checks = checks;
        this.lenders = lenders;
        this.clock = clock;
        this.flagged = MultiGauge.builder("blended.portfolio.fairness.flagged")
                .description("Approval rate of a flagged group as a share of its lender's overall rate, last 12 months")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${blended.portfolio.fairness.gauge-first-delay:PT30S}",
            fixedDelayString = "${blended.portfolio.fairness.gauge-refresh:PT10M}")
    void refresh() {
        YearMonth to = YearMonth.now(clock);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Lender lender : lenders.all()) {
            FairnessReport report = checks.report(new ReportFilter(lender.getId(), lender.getCode(),
                    to.minusMonths(MONTHS - 1), to, null));
            for (FairnessReport.Breakdown breakdown : report.breakdowns()) {
                for (FairnessReport.Group group : breakdown.groups()) {
                    Tags tags = Tags.of("lender", lender.getCode(), "dimension", breakdown.dimension(), "group", group.group());
                    if (group.automatedFlagged()) {
                        rows.add(MultiGauge.Row.of(tags.and("basis", "automated"),
                                group.rates().automatedRate() / report.overall().automatedRate()));
                    }
                    if (group.finalFlagged()) {
                        rows.add(MultiGauge.Row.of(tags.and("basis", "final"),
                                group.rates().finalRate() / report.overall().finalRate()));
                    }
                }
            }
        }
        flagged.register(rows, true);
    }
}
