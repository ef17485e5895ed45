package org.blended.service.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.blended.service.BlendedApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A benchmark's own PostgreSQL database on 127.0.0.1, dropped and created empty for each run. */
final class BenchmarkDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private BenchmarkDatabase() {
    }

    /**
     * The service on that database with only the REST API: no queue, file intake or decision
     * publishing, so nothing but the benchmark's own calls runs.
     */
    static ConfigurableApplicationContext service(String url, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
                "--blended.intake.queue.enabled=false", "--blended.decisions.enabled=false",
                "--blended.intake.file.enabled=false", "--logging.level.org.blended=WARN"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(BlendedApplication.class).profiles("postgres").run(arguments.toArray(String[]::new));
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
