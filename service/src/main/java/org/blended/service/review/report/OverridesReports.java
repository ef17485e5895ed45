package org.blended.service.review.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.blended.service.report.ReportFilter;
import org.blended.service.review.settlement.SettlementProperties;
import org.springframework.stereotype.Service;

/** Builds the overrides report for a filter: the months are the service clock's zone's. */
@Service
class OverridesReports {

    private final OverridesQuery query;
    private final SettlementProperties settlement;
    private final ZoneId zone;

    OverridesReports(OverridesQuery query, SettlementProperties settlement, Clock clock) {
        this.query = query;
        this.settlement = settlement;
        this.zone = clock.getZone();
    }

    OverridesReport report(ReportFilter filter) {
        Instant from = start(filter.from());
        Instant until = start(filter.to().plusMonths(1));
        OverridesReport.Scope scope = new OverridesReport.Scope(filter.lenderCode(), filter.from(), filter.to(),
                zone.getId(), filter.ruleSetVersion());
        return OverridesTally.report(scope, query.settled(filter.lenderId(), filter.ruleSetVersion(), from, until), zone,
                settlement.overrideReasons());
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
