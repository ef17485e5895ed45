package org.blended.service.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the database of record holds for the references a test sent, read directly (not through
 * the proxy the service uses), so that it can be asked while the service's own connection is cut.
 */
final class Ledger {

    private final String url;

    Ledger(String url) {
        this.url = url;
    }

    /** Decisions per reference starting with the prefix: each must be 1. */
    Map<String, Integer> decisions(String prefix) {
        return counts("""
                select a.lender_reference, count(*) from application a join decision d on d.application_id = a.id
                where a.lender_reference like ? group by a.lender_reference""", prefix + "%");
    }

    /** Rejections whose stored payload names a reference starting with the prefix. */
    int rejections(String prefix) {
        return single("select count(*) from rejection where payload like ?", "%\"" + prefix + "%");
    }

    int outbox() {
        return single("select count(*) from decision_outbox", null);
    }

    Map<String, Object> batch(String id) {
        Map<String, Object> row = new HashMap<>();
        query("select status, rows_read, decided, rejected, total_rows from batch where id = ?::uuid", id, rs -> {
            if (rs.next()) {
                for (String column : new String[] {"status", "rows_read", "decided", "rejected", "total_rows"}) {
                    row.put(column, rs.getObject(column));
                }
            }
        });
        return row;
    }

    /** The batch the file route made of a dropped file, by its source (the file's name under the lender folder). */
    String batchFromSource(String source) {
        String[] id = new String[1];
        query("select id from batch where source like ?", "%" + source, rs -> {
            if (rs.next()) {
                id[0] = rs.getString(1);
            }
        });
        return id[0];
    }

    private Map<String, Integer> counts(String sql, String parameter) {
        Map<String, Integer> counts = new HashMap<>();
        query(sql, parameter, rs -> {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        });
        return counts;
    }

    private int single(String sql, String parameter) {
        int[] count = new int[1];
        query(sql, parameter, rs -> {
            rs.next();
            count[0] = rs.getInt(1);
        });
        return count[0];
    }

    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String parameter, Rows rows) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
