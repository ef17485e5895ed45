package org.blended.service.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A benchmark's own PostgreSQL database on 127.0.0.1, dropped and created empty for each run. */
final class BenchmarkDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private BenchmarkDatabase() {
    }

    static String fresh(String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return SERVER + name + "?reWriteBatchedInserts=true";
    }
}
