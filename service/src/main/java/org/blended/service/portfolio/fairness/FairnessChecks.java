package org.blended.service.portfolio.fairness;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.blended.service.portfolio.Dimension;
import org.blended.service.portfolio.Scope;
import org.blended.service.report.ReportFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Works out the fairness report from the counters kept as decisions are stored: one query. */
@Service
@EnableConfigurationProperties(FairnessProperties.class)
public class FairnessChecks {

    static final String RULE_SET_VERSION = "RULE_SET_VERSION";
    private static final String APPROVED = "('APPROVE', 'APPROVE_WITH_CONDITIONS')";
    private static final List<Dimension> CHECKED = List.of(Dimension.LEGAL_FORM, Dimension.SIZE_BAND, Dimension.REGION,
            Dimension.DEPRIVATION);

    private final JdbcTemplate jdbc;
    private final FairnessProperties properties;

    FairnessChecks(JdbcTemplate jdbc, FairnessProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public FairnessReport report(ReportFilter filter) {
        Scope scope = Scope.of(filter);
        // dimension -> group -> month -> {applications, automated approved, final approved}
        Map<String, Map<String, Map<YearMonth, long[]>>> counts = new LinkedHashMap<>();
        CHECKED.forEach(d -> counts.put(d.name(), new TreeMap<>()));
        counts.put(RULE_SET_VERSION, new TreeMap<>());
        long[] overall = new long[3];
        // The rule-set version is a column of every counter: read from the ALL rows.
        jdbc.query("select case when dimension = 'ALL' then '" + RULE_SET_VERSION + "' else dimension end, "
                + "case when dimension = 'ALL' then rule_set_version else grp end, decided_month, sum(applications), "
                + "sum(case when automated_outcome in " + APPROVED + " then applications else 0 end), "
                + "sum(case when final_outcome in " + APPROVED + " then applications else 0 end) from portfolio_tally "
                + "where dimension in ('ALL', 'LEGAL_FORM', 'SIZE_BAND', 'REGION', 'DEPRIVATION') and " + scope.where()
                + " group by 1, 2, 3", rs -> {
            long[] figures = {rs.getLong(4), rs.getLong(5), rs.getLong(6)};
            counts.get(rs.getString(1)).computeIfAbsent(rs.getString(2), g -> new TreeMap<>())
                    .put(YearMonth.from(rs.getDate(3).toLocalDate()), figures);
            if (RULE_SET_VERSION.equals(rs.getString(1))) {
                for (int i = 0; i < 3; i++) {
                    overall[i] += figures[i];
                }
            }
        }, scope.with());
        FairnessReport.Rates rates = FairnessReport.Rates.of(overall[0], overall[1], overall[2]);
        List<FairnessReport.Breakdown> breakdowns = new ArrayList<>();
        counts.forEach((dimension, groups) -> breakdowns.add(new FairnessReport.Breakdown(dimension,
                GroupWords.dimension(dimension), groups.entrySet().stream()
                .map(g -> group(dimension, g.getKey(), g.getValue(), rates))
                .filter(g -> g.rates().applications() > 0).toList())));
        return new FairnessReport(filter.lenderCode(), filter.from(), filter.to(), filter.ruleSetVersion(),
                properties.disparityRatio(), properties.minimumApplications(), rates, breakdowns);
    }

    private FairnessReport.Group group(String dimension, String group, Map<YearMonth, long[]> months,
                                       FairnessReport.Rates overall) {
        long[] sum = new long[3];
        List<FairnessReport.MonthRates> perMonth = new ArrayList<>();
        months.forEach((month, f) -> {
            for (int i = 0; i < 3; i++) {
                sum[i] += f[i];
            }
            perMonth.add(new FairnessReport.MonthRates(month, FairnessReport.Rates.of(f[0], f[1], f[2])));
        });
        FairnessReport.Rates rates = FairnessReport.Rates.of(sum[0], sum[1], sum[2]);
        return new FairnessReport.Group(group, GroupWords.group(dimension, group), rates,
                under(rates.applications(), rates.automatedRate(), overall.automatedRate()),
                under(rates.applications(), rates.finalRate(), overall.finalRate()), perMonth);
    }

    private boolean under(long applications, Double rate, Double overall) {
        return applications >= properties.minimumApplications() && rate != null && overall != null
                && rate < properties.disparityRatio() * overall;
    }
}
