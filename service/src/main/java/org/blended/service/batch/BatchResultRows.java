package org.blended.service.batch;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch's rows in row order, read through a database cursor so that a batch of a million rows
 * is never held in memory: each decided row's application and outcome, each refused row's reason.
 * A row repeating a reference decided before stored nothing of its own, so it is not among them
 * (the batch counts it in alreadyDecided).
 */
@Service
class BatchResultRows {

    /** Rows fetched from the cursor at a time. */
    private static final int FETCH_SIZE = 500;

    private static final String ROWS = """
            select a.batch_row, a.lender_reference, a.id, d.outcome, cast(null as text) as reason
            from application a left join decision d on d.application_id = a.id
            where a.batch_id = ?
            union all
            select r.batch_row, null, null, null, r.reason from rejection r where r.batch_id = ?
            order by 1""";

    record Row(int row, String lenderReference, UUID applicationId, String outcome, String rejection) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    BatchResultRows(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Hands each row to {@code each} as it is read; PostgreSQL keeps a cursor only inside a transaction. */
    void forEach(UUID batchId, Consumer<Row> each) {
        transaction.executeWithoutResult(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement(ROWS);
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, batchId);
            statement.setObject(2, batchId);
            return statement;
        }, rs -> {
            each.accept(new Row(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)));
        }));
    }
}
