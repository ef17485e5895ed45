package org.blended.service.review.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Reads review_case rows. */
final class CaseRows {

    static final String COLUMNS = "c.id, c.decision_id, c.application_id, c.lender_id, c.opened_because, c.opened_by, "
            + "c.opened_at, c.due_at, c.state, c.assigned_to, c.assigned_at, c.requested_at, c.request_text, "
            + "c.request_due_at, c.decided_at, c.version";

    private CaseRows() {
    }

    static ReviewCase read(ResultSet rs) throws SQLException {
        return new ReviewCase(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), OpenedBecause.valueOf(rs.getString(5)), rs.getString(6), instant(rs, 7),
                instant(rs, 8), CaseState.valueOf(rs.getString(9)), rs.getString(10), instant(rs, 11), instant(rs, 12),
                rs.getString(13), instant(rs, 14), instant(rs, 15), rs.getLong(16));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
