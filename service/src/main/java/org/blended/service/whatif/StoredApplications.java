package org.blended.service.whatif;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The stored applications a what-if covers, in the order they were received, read through one
 * query and one cursor (plain JDBC, a chunk of rows per fetch) rather than a query per chunk,
 * each of which had to find its place again. The cursor's connection is the run's own, read only,
 * in a transaction of its own (PostgreSQL streams a result only inside one); the run's progress is
 * written on other connections, so it is seen as it goes.
 */
final class StoredApplications implements AutoCloseable {

    /**
     * One stored application as the what-if needs it: what the rules saw, and what the summary groups
     * by. The payload is its JSON's bytes (UTF-8), as the driver holds them, read the way intake reads
     * applications.
     */
    record Row(UUID id, String reference, String legalName, String legalForm, BigDecimal amount, byte[] payload,
               String lenderValues, LocalDate assessedOn) {
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private boolean exhausted;

    private StoredApplications(Connection connection, PreparedStatement statement, ResultSet rows) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
    }

    /** The decided applications received in [from, to) (either may be open), of one lender or all, oldest first. */
    static StoredApplications open(DataSource dataSource, UUID lenderId, Timestamp from, Timestamp to, int fetchSize) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = connection.prepareStatement("select a.id, a.lender_reference, a.legal_name, "
                    + "a.legal_form, a.amount, a.payload, a.lender_values, d.assessed_on "
                    + "from application a join decision d on d.application_id = a.id" + where(lenderId, from, to)
                    + " order by a.received_at, a.id");
            statement.setFetchSize(fetchSize);
            int i = 1;
            for (Object param : params(lenderId, from, to)) {
                statement.setObject(i++, param);
            }
            return new StoredApplications(connection, statement, statement.executeQuery());
        } catch (SQLException e) {
            release(connection);
            throw new DataAccessResourceFailureException("Stored applications could not be read", e);
        }
    }

    /** Up to n more, none at the end. */
    List<Row> next(int n) {
        List<Row> chunk = new ArrayList<>(n);
        try {
            while (!exhausted && chunk.size() < n) {
                if (!rows.next()) {
                    exhausted = true;
                    break;
                }
                chunk.add(new Row(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getBigDecimal(5), rows.getBytes(6), rows.getString(7), rows.getObject(8, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Stored applications could not be read", e);
        }
        return chunk;
    }

    @Override
    public void close() {
        try {
            rows.close();
            statement.close();
        } catch (SQLException ignored) {
            // the connection's release below closes them as well
        }
        release(connection);
    }

    private static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback(); // read only: nothing to keep; ends the transaction the cursor needed
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
        } catch (SQLException ignored) {
            // a broken connection: the pool replaces it
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }

    /** The scope's conditions on {@code application a}. */
    static String where(UUID lenderId, Timestamp from, Timestamp to) {
        return " where 1 = 1" + (lenderId == null ? "" : " and a.lender_id = ?") + (from == null ? "" : " and a.received_at >= ?")
                + (to == null ? "" : " and a.received_at < ?");
    }

    /** Their parameters, in order. */
    static Object[] params(UUID lenderId, Timestamp from, Timestamp to) {
        List<Object> params = new ArrayList<>();
        if (lenderId != null) {
            params.add(lenderId);
        }
        if (from != null) {
            params.add(from);
        }
        if (to != null) {
            params.add(to);
        }
        return params.toArray();
    }
}
