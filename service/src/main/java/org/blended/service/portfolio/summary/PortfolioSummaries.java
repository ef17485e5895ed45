package org.blended.service.portfolio.summary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.blended.rules.application.Measure;
import org.blended.service.portfolio.Outcomes;
import org.blended.service.portfolio.Scope;
import org.blended.service.report.ReportFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds a portfolio summary from the counters kept as decisions are stored: three small queries. */
@Service
public class PortfolioSummaries {

    private static final String APPROVED = "('APPROVE', 'APPROVE_WITH_CONDITIONS')";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortfolioSummaries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PortfolioSummary summary(ReportFilter filter) {
        Scope scope = Scope.of(filter);
        Map<YearMonth, Figures> months = new TreeMap<>();
        Map<String, Figures> automated = new LinkedHashMap<>();
        Map<String, Figures> finals = new LinkedHashMap<>();
        Figures total = new Figures();
        jdbc.query("select decided_month, automated_outcome, final_outcome, sum(applications), sum(amount) from portfolio_tally "
                + "where dimension = 'ALL' and " + scope.where() + " group by decided_month, automated_outcome, final_outcome", rs -> {
            YearMonth month = YearMonth.from(rs.getDate(1).toLocalDate());
            String auto = rs.getString(2);
            String fin = rs.getString(3);
            long applications = rs.getLong(4);
            BigDecimal amount = rs.getBigDecimal(5);
            months.computeIfAbsent(month, m -> new Figures()).add(auto, fin, applications, amount);
            total.add(auto, fin, applications, amount);
            automated.computeIfAbsent(auto, o -> new Figures()).add(auto, fin, applications, amount);
            finals.computeIfAbsent(fin, o -> new Figures()).add(auto, fin, applications, amount);
        }, scope.with());
        // every month of the period, so a chart's axis has no gaps
        List<PortfolioSummary.Month> monthList = new ArrayList<>();
        for (YearMonth m = filter.from(); !m.isAfter(filter.to()); m = m.plusMonths(1)) {
            monthList.add(new PortfolioSummary.Month(m, months.getOrDefault(m, new Figures()).totals()));
        }

        List<PortfolioSummary.MeasureFigures> measures = new ArrayList<>();
        List<PortfolioSummary.ValueSource> sources = new ArrayList<>();
        Map<String, double[]> byMeasure = new TreeMap<>(Comparator.comparingInt(m -> Measure.valueOf(m).ordinal()));
        Map<String, BigDecimal> gbpByMeasure = new TreeMap<>();
        jdbc.query("select measure, value_source, sum(claims), sum(gross), sum(net), sum(gbp) from portfolio_measure "
                + "where final_outcome in " + APPROVED + " and " + scope.where() + " group by measure, value_source "
                + "order by measure, value_source", rs -> {
            String measure = rs.getString(1);
            double[] f = byMeasure.computeIfAbsent(measure, m -> new double[3]);
            f[0] += rs.getLong(3);
            f[1] += rs.getDouble(4);
            f[2] += rs.getDouble(5);
            gbpByMeasure.merge(measure, rs.getBigDecimal(6), BigDecimal::add);
            if (!rs.getString(2).isEmpty() && rs.getLong(3) != 0) {
                sources.add(new PortfolioSummary.ValueSource(measure, rs.getString(2), round(rs.getDouble(5)), rs.getBigDecimal(6)));
            }
        }, scope.with());
        byMeasure.forEach((measure, f) -> {
            if (f[0] != 0) {
                measures.add(new PortfolioSummary.MeasureFigures(measure, Measure.valueOf(measure).getUnit(), (long) f[0],
                        round(f[1]), round(f[2]), gbpByMeasure.get(measure)));
            }
        });
        BigDecimal valued = sources.stream().map(PortfolioSummary.ValueSource::gbp).reduce(BigDecimal.ZERO, BigDecimal::add);

        return new PortfolioSummary(new PortfolioSummary.Scope(filter.lenderCode(), filter.from(), filter.to(),
                filter.ruleSetVersion(), clock.getZone().getId()), total.totals(), monthList, byOutcome(automated),
                byOutcome(finals), measures, sources, valued, matrix(scope));
    }

    private PortfolioSummary.OutcomesMatrix matrix(Scope scope) {
        List<PortfolioSummary.Cell> cells = new ArrayList<>();
        jdbc.query("select grp, sum(applications), sum(amount) from portfolio_tally where dimension = 'AREA_GROUP' and "
                + "final_outcome in " + APPROVED + " and " + scope.where() + " group by grp having sum(applications) > 0 "
                + "order by grp", rs -> {
            String[] cell = rs.getString(1).split("/", 2);
            cells.add(new PortfolioSummary.Cell(cell[0], cell[1], rs.getLong(2), rs.getBigDecimal(3)));
        }, scope.with());
        return new PortfolioSummary.OutcomesMatrix(MatrixOrder.areas(cells), MatrixOrder.groups(cells), cells);
    }

    private static List<PortfolioSummary.ByOutcome> byOutcome(Map<String, Figures> byOutcome) {
        return byOutcome.entrySet().stream()
                .filter(e -> e.getValue().applications != 0)
                .sorted(Comparator.comparingInt(e -> MatrixOrder.outcomeOrder(e.getKey())))
                .map(e -> new PortfolioSummary.ByOutcome(e.getKey(), e.getValue().applications, e.getValue().amount))
                .toList();
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Counts added up for one month, one outcome or the whole period. */
    private static final class Figures {
        long applications;
        BigDecimal amount = BigDecimal.ZERO;
        long automatedApproved;
        long finalApproved;
        long awaitingPerson;
        BigDecimal approvedAmount = BigDecimal.ZERO;

        void add(String automatedOutcome, String finalOutcome, long count, BigDecimal sum) {
            applications += count;
            amount = amount.add(sum);
            if (Outcomes.approved(automatedOutcome)) {
                automatedApproved += count;
            }
            if (Outcomes.approved(finalOutcome)) {
                finalApproved += count;
                approvedAmount = approvedAmount.add(sum);
            }
            if ("REFER".equals(finalOutcome)) {
                awaitingPerson += count;
            }
        }

        PortfolioSummary.Totals totals() {
            return new PortfolioSummary.Totals(applications, amount, automatedApproved, finalApproved, awaitingPerson,
                    approvedAmount, applications == 0 ? null : (double) automatedApproved / applications,
                    applications == 0 ? null : (double) finalApproved / applications);
        }
    }
}
