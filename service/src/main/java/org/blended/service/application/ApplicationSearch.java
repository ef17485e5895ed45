package org.blended.service.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.blended.integration.submission.Channel;
import org.blended.rules.application.LegalForm;
import org.blended.rules.assessment.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds a lender's applications, newest first, a page at a time. Keyset paging (rows older than
 * the cursor) costs the same at any depth, where an offset would read and skip every row before.
 * Each filter present adds one condition; the indexes behind them are in V16.
 */
@Service
class ApplicationSearch {

    private static final String COLUMNS = """
            select a.id, a.lender_reference, a.legal_name, a.legal_form, a.channel, a.batch_id, a.received_at, a.amount,
                   d.outcome, r.state, f.outcome as final_outcome
            """;
    private static final String JOINS = """
            left join decision d on d.application_id = a.id
            left join review_case r on r.decision_id = d.id
            left join final_decision f on f.decision_id = d.id
            """;
    /** The lender's applications, walked newest first down application_lender_newest_idx. */
    private static final String BY_APPLICATION = COLUMNS + "from application a\n" + JOINS + "where a.lender_id = ?";
    /**
     * Those in one review state: the lender's cases in that state, walked newest first down
     * review_case_state_newest_idx (V17), then their applications. Walking the applications instead
     * and keeping those with such a case read 50,000 rows for a page on a million (docs/benchmarks.md).
     */
    private static final String BY_CASE = COLUMNS + "from review_case x join application a on a.id = x.application_id\n" + JOINS
            + "where x.lender_id = ? and x.state = ? and a.lender_id = x.lender_id";

    private final JdbcTemplate jdbc;

    ApplicationSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ApplicationPage find(UUID lenderId, ApplicationFilter filter) {
        boolean byCase = filter.reviewState() != null && filter.reviewState() != ApplicationFilter.ReviewState.NONE;
        StringBuilder sql = new StringBuilder(byCase ? BY_CASE : BY_APPLICATION);
        List<Object> args = new ArrayList<>(List.of(lenderId));
        if (byCase) {
            args.add(filter.reviewState().name());
        }
        // The walk's own columns: the case keeps its application's arrival time, so either walk is in list order.
        String receivedAt = byCase ? "x.received_at" : "a.received_at";
        String id = byCase ? "x.application_id" : "a.id";
        condition(sql, args, "d.outcome = ?", filter.outcome() == null ? null : filter.outcome().name());
        if (filter.reviewState() == ApplicationFilter.ReviewState.NONE) {
            // An anti-join read row by row: "left join ... is null" made PostgreSQL join every row first.
            sql.append(" and not exists (select 1 from review_case n where n.application_id = a.id)");
        }
        condition(sql, args, receivedAt + " >= ?", timestamp(filter.receivedFrom()));
        condition(sql, args, receivedAt + " < ?", timestamp(filter.receivedBefore()));
        condition(sql, args, "a.channel = ?", filter.channel() == null ? null : filter.channel().name());
        condition(sql, args, "a.batch_id = ?", filter.batch());
        condition(sql, args, "a.lender_reference = ?", filter.lenderReference());
        condition(sql, args, "a.legal_form = ?", filter.legalForm() == null ? null : filter.legalForm().name());
        condition(sql, args, "a.legal_name ilike ? escape '\\'", filter.name() == null ? null : "%" + escaped(filter.name()) + "%");
        if (filter.after() != null) {
            sql.append(" and (" + receivedAt + ", " + id + ") < (?, ?)");
            args.add(timestamp(filter.after().receivedAt()));
            args.add(filter.after().id());
        }
        sql.append(" order by " + receivedAt + " desc, " + id + " desc limit ?");
        args.add(filter.limit() + 1); // one more than asked: whether there is a next page, without a count
        List<ApplicationSummary> rows = jdbc.query(sql.toString(), ApplicationSearch::summary, args.toArray());
        if (rows.size() <= filter.limit()) {
            return new ApplicationPage(rows, null);
        }
        List<ApplicationSummary> page = rows.subList(0, filter.limit());
        ApplicationSummary last = page.get(page.size() - 1);
        return new ApplicationPage(List.copyOf(page), new SearchCursor(last.receivedAt(), last.applicationId()).encode());
    }

    private static void condition(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
    }

    private static Timestamp timestamp(java.time.Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The name is matched as text: its own % and _ are not wildcards. */
    static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ApplicationSummary summary(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        String state = rs.getString("state");
        String finalOutcome = rs.getString("final_outcome");
        return new ApplicationSummary(rs.getObject("id", UUID.class), rs.getString("lender_reference"),
                rs.getString("legal_name"), LegalForm.valueOf(rs.getString("legal_form")),
                Channel.valueOf(rs.getString("channel")), rs.getObject("batch_id", UUID.class),
                rs.getTimestamp("received_at").toInstant(), rs.getBigDecimal("amount"),
                outcome == null ? null : Outcome.valueOf(outcome), state == null ? "NONE" : state,
                finalOutcome == null ? null : Outcome.valueOf(finalOutcome));
    }
}
