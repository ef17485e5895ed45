package org.blended.service.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Asks the database whether it answers right now, before a failure is taken as permanent: a
 * failure while it does not is an outage, however it surfaced. Bounded by the pool's connection
 * timeout and a short validation, and only asked on the way to calling a failure permanent.
 */
@Component
public class DatabaseProbe {

    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
