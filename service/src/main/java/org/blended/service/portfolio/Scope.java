package org.blended.service.portfolio;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import org.blended.service.report.ReportFilter;

/**
 * A report's filter as SQL over the portfolio's tables (which all have lender_id, decided_month and
 * rule_set_version): whose decisions, the months from the first day of {@code from} to that of
 * {@code to}, and the rule-set version if one is named.
 */
public record Scope(String where, List<Object> parameters) {

    public static Scope of(ReportFilter filter) {
        return of(filter, "");
    }

    /** With the table's alias before each column ("pd."), for a query that joins other tables. */
    public static Scope of(ReportFilter filter, String alias) {
        StringBuilder where = new StringBuilder(alias + "decided_month between ? and ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(Date.valueOf(filter.from().atDay(1)));
        parameters.add(Date.valueOf(filter.to().atDay(1)));
        if (filter.lenderId() != null) {
            where.append(" and " + alias + "lender_id = ?");
            parameters.add(filter.lenderId());
        }
        if (filter.ruleSetVersion() != null) {
            where.append(" and " + alias + "rule_set_version = ?");
            parameters.add(filter.ruleSetVersion());
        }
        return new Scope(where.toString(), List.copyOf(parameters));
    }

    /** The parameters, then more (for conditions added after the scope's). */
    public Object[] with(Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
