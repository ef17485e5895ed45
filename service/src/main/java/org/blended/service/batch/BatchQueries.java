package org.blended.service.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.blended.integration.batch.BatchFormat;
import org.blended.integration.submission.Channel;
import org.blended.rules.assessment.Outcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads a lender's batches; another lender's batch is simply not found. */
@Service
class BatchQueries {

    private static final String COLUMNS = """
            select id, channel, source, format, status, rows_read, total_rows, decided, already_decided, rejected,
                   approved, approved_with_conditions, referred, declined, failure, received_at, finished_at,
                   bytes_read, bytes_total
            from batch""";

    private final JdbcTemplate jdbc;

    public BatchQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BatchView> batch(UUID lenderId, UUID id) {
        return jdbc.query(COLUMNS + " where id = ? and lender_id = ?", BatchQueries::view, id, lenderId).stream().findFirst();
    }

    public List<BatchView> recent(UUID lenderId, int limit) {
        return jdbc.query(COLUMNS + " where lender_id = ? order by received_at desc limit ?", BatchQueries::view, lenderId, limit);
    }

    private static Integer percent(Long read, Long total) {
        if (read == null || total == null || total == 0) {
            return null;
        }
        return (int) Math.min(100, read * 100 / total);
    }

    private static BatchView view(ResultSet rs, int row) throws SQLException {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        outcomes.put(Outcome.APPROVE, rs.getInt("approved"));
        outcomes.put(Outcome.APPROVE_WITH_CONDITIONS, rs.getInt("approved_with_conditions"));
        outcomes.put(Outcome.REFER, rs.getInt("referred"));
        outcomes.put(Outcome.DECLINE, rs.getInt("declined"));
        UUID id = rs.getObject("id", UUID.class);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BatchView(id, Channel.valueOf(rs.getString("channel")), rs.getString("source"),
                BatchFormat.valueOf(rs.getString("format")), BatchStatus.valueOf(rs.getString("status")),
                rs.getInt("rows_read"), (Integer) rs.getObject("total_rows"),
                percent(rs.getObject("bytes_read", Long.class), rs.getObject("bytes_total", Long.class)), rs.getInt("decided"),
                rs.getInt("already_decided"), rs.getInt("rejected"), outcomes, rs.getString("failure"),
                rs.getTimestamp("received_at").toInstant(), finished == null ? null : finished.toInstant(),
                "/api/v1/rejections?batch=" + id);
    }
}
