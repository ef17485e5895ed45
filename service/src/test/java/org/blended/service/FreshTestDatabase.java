package org.blended.service;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The test database is shared with earlier runs on the same machine: start each test run from
 * an empty schema (once per JVM, however many Spring contexts the tests start), so that no row
 * or migration left by an earlier run can change a result.
 */
@Configuration
@Profile("test")
public class FreshTestDatabase {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
