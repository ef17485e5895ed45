package org.blended.service.review.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' queue: a lender's cases, those waiting for a second approval first, then the oldest
 * first, so nothing waits longest unseen. Decided cases only when asked for.
 */
@Component
public class CaseQueue {

    public static final int PAGE = 200;

    private final JdbcTemplate jdbc;

    CaseQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters: a state (null: every undecided one), why opened, and whose (a username, or null for anyone's). */
    public record Filter(CaseState state, OpenedBecause openedBecause, String assignedTo) {
    }

    @Transactional(readOnly = true)
    public List<QueuedCase> list(UUID lenderId, Filter filter) {
        StringBuilder sql = new StringBuilder("select " + CaseRows.COLUMNS + ", a.lender_reference, a.legal_name, a.amount, d.outcome "
                + "from review_case c join application a on a.id = c.application_id join decision d on d.id = c.decision_id "
                + "where c.lender_id = ?");
        List<Object> args = new ArrayList<>(List.of(lenderId));
        if (filter.state() == null) {
            sql.append(" and c.state <> 'DECIDED'");
        } else {
            sql.append(" and c.state = ?");
            args.add(filter.state().name());
        }
        if (filter.openedBecause() != null) {
            sql.append(" and c.opened_because = ?");
            args.add(filter.openedBecause().name());
        }
        if (filter.assignedTo() != null) {
            sql.append(" and c.assigned_to = ?");
            args.add(filter.assignedTo());
        }
        sql.append(" order by case c.state when 'AWAITING_APPROVAL' then 0 when 'OPEN' then 1 when 'ASSIGNED' then 2 else 3 end, "
                + "c.opened_at, c.id limit " + PAGE);
        return jdbc.query(sql.toString(), (rs, row) -> new QueuedCase(CaseRows.read(rs), rs.getString(17), rs.getString(18),
                rs.getBigDecimal(19), Outcome.valueOf(rs.getString(20))), args.toArray());
    }

    /** The application a lender knows by its own reference, to open a case on it. */
    @Transactional(readOnly = true)
    public Optional<UUID> applicationOfReference(UUID lenderId, String lenderReference) {
        return jdbc.query("select application_id from application_reference where lender_id = ? and lender_reference = ?",
                (rs, row) -> rs.getObject(1, UUID.class), lenderId, lenderReference).stream().findFirst();
    }
}
