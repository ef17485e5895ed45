package org.blended.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.blended.service.Batches;
import org.blended.service.BlendedApplication;
import org.blended.service.Http;
import org.blended.service.IntakeFolder;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * kill -9 in the middle of two batches, one posted and one dropped as a file: the service runs in
 * a child JVM killed with SIGKILL; this test's own service, sharing its database and folders, is
 * the other instance. While the child works, the other leaves both files alone; after the kill it
 * takes both batches over once the child's claims lapse (the default lease, 30 s) and completes
 * them with every row decided exactly once.
 */
@SpringBootTest
@ActiveProfiles({"postgres", "test"})
class KilledInstanceTest {

    static final Path SPOOL = Path.of("target", "batches-killed-" + UUID.randomUUID()).toAbsolutePath();
    static final Path INTAKE = Path.of("target", "intake-killed-" + UUID.randomUUID()).toAbsolutePath();
    static final int ROWS = 8_000;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("blended.intake.batch.spool-directory", SPOOL::toString);
        registry.add("blended.intake.batch.poll-delay-millis", () -> "200");
        registry.add("blended.intake.file.enabled", () -> "true");
        registry.add("blended.intake.file.directory", INTAKE::toString);
        registry.add("blended.intake.file.poll-delay-millis", () -> "200");
    }

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BatchLease lease;

    @Autowired
    CamelContext camel;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Value("${spring.datasource.password:}")
    String databasePassword;

    private Process child;

    @Test
    void killedMidBatchBothBatchesAreTakenOverAndCompletedWithEveryRowDecidedOnce() throws Exception {
        // this instance keeps out of the way until the child has claimed both batches
        camel.getRouteController().stopRoute("api-batches");
        camel.getRouteController().stopRoute("file-intake");
        TestLenders.TestLender lender = lenders.newLender();
        int port = freePort();
        child = startChild(port);
        Http http = new Http(port, lender.apiKey());
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(child.isAlive()).as("the child instance is running; see its log in target/").isTrue();
            return up(http);
        });

        HttpResponse<String> accepted = http.post("/api/v1/batches", "text/csv", csv("KILL-API"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        UUID posted = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String name = "portfolio-" + UUID.randomUUID() + ".csv";
        IntakeFolder.drop(INTAKE, lender.code(), name, csv("KILL-FILE"));
        Path spooled = SPOOL.resolve(lender.code()).resolve(posted + ".csv");
        Path dropped = INTAKE.resolve(lender.code()).resolve(name);

        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                "select count(*) from batch where lender_id = ? and status = 'RUNNING' and decided >= 500", Integer.class,
                lender.id()) == 2);
        UUID file = jdbc.queryForObject("select id from batch where lender_id = ? and channel = 'FILE'", UUID.class,
                lender.id());
        String killed = (String) batch(posted).get("claimed_by");
        assertThat(batch(file)).containsEntry("claimed_by", killed);

        // another instance comes along: it leaves both files, and both batches, to the one working on them
        camel.getRouteController().startRoute("api-batches");
        camel.getRouteController().startRoute("file-intake");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> Files.exists(spooled)
                && Files.exists(dropped) && killed.equals(batch(posted).get("claimed_by"))
                && killed.equals(batch(file).get("claimed_by")));

        child.destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        Map<String, Object> postedAtKill = batch(posted);
        Map<String, Object> fileAtKill = batch(file);
        System.out.printf("Killed mid-batch: posted batch at row %s, dropped batch at row %s of %d%n",
                postedAtKill.get("rows_read"), fileAtKill.get("rows_read"), ROWS);
        assertThat(postedAtKill).containsEntry("status", "RUNNING");
        assertThat(fileAtKill).containsEntry("status", "RUNNING");
        assertThat((Integer) postedAtKill.get("rows_read")).isLessThan(ROWS);
        assertThat((Integer) fileAtKill.get("rows_read")).isLessThan(ROWS);
        assertThat(spooled).exists();
        assertThat(dropped).exists();

        double[] resumedAfter = new double[2];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            if (resumedAfter[0] == 0 && lease.instance().equals(batch(posted).get("claimed_by"))) {
                resumedAfter[0] = seconds;
            }
            if (resumedAfter[1] == 0 && lease.instance().equals(batch(file).get("claimed_by"))) {
                resumedAfter[1] = seconds;
            }
            return resumedAfter[0] > 0 && resumedAfter[1] > 0;
        });
        System.out.printf("After kill -9 (lease %d s): posted batch resumed after %.1f s, dropped batch after %.1f s%n",
                lease.duration().toSeconds(), resumedAfter[0], resumedAfter[1]);
        assertThat(resumedAfter[0]).as("posted batch: within a lease and a poll").isLessThan(lease.duration().toSeconds() + 5);
        assertThat(resumedAfter[1]).as("dropped batch: within a lease, a sweep and a poll")
                .isLessThan(lease.duration().toSeconds() + 10);

        await().atMost(Duration.ofMinutes(5)).until(() -> "COMPLETED".equals(batch(posted).get("status"))
                && "COMPLETED".equals(batch(file).get("status")));
        for (UUID id : List.of(posted, file)) {
            Map<String, Object> batch = batch(id);
            assertThat(batch).containsEntry("total_rows", ROWS).containsEntry("decided", ROWS)
                    .containsEntry("already_decided", 0).containsEntry("rejected", 0);
            assertThat((Integer) batch.get("approved") + (Integer) batch.get("approved_with_conditions")
                    + (Integer) batch.get("referred") + (Integer) batch.get("declined")).isEqualTo(ROWS);
            assertThat(jdbc.queryForObject("select count(*) from application where batch_id = ?", Integer.class, id))
                    .isEqualTo(ROWS);
        }
        assertThat(count("select count(*) from application where lender_id = ?", lender)).isEqualTo(2 * ROWS);
        assertThat(count("select count(distinct lender_reference) from application where lender_id = ?", lender))
                .isEqualTo(2 * ROWS);
        assertThat(count("select count(*) from decision where lender_id = ?", lender)).isEqualTo(2 * ROWS);
        assertThat(count("select count(*) from rejection where lender_id = ?", lender)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(spooled)
                && IntakeFolder.filesIn(INTAKE, lender.code() + "/done").anyMatch(n -> n.startsWith(name.replace(".csv", ""))));
    }

    /** The service in a JVM of its own, on this test's database and folders; nothing of the test profile. */
    private Process startChild(int port) throws IOException {
        Path argFile = Files.createTempFile(Path.of("target"), "killed-instance", ".args");
        Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + argFile, BlendedApplication.class.getName(),
                "--server.port=" + port, "--spring.profiles.active=postgres", "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + databaseUser,
                "--spring.datasource.password=" + databasePassword,
                "--blended.intake.queue.enabled=false", "--blended.decisions.enabled=false",
                "--management.health.rabbit.enabled=false",
                "--blended.intake.batch.spool-directory=" + SPOOL, "--blended.intake.batch.poll-delay-millis=200",
                "--blended.intake.file.enabled=true", "--blended.intake.file.directory=" + INTAKE,
                "--blended.intake.file.poll-delay-millis=200"));
        Path log = Path.of("target", "killed-instance-" + port + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean up(Http http) {
        try {
            return http.get("/actuator/health/liveness").statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** A CSV batch of {@link #ROWS} rows, the documented examples over and over, each with its own reference. */
    private static String csv(String prefix) {
        List<String> lines = Batches.portfolioCsv().lines().toList();
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 0; i < ROWS; i++) {
            String row = lines.get(1 + i % (lines.size() - 1));
            csv.append(prefix).append('-').append(i).append('-').append(row).append('\n');
        }
        return csv.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, Object> batch(UUID id) {
        return jdbc.queryForMap("select * from batch where id = ?", id);
    }

    private int count(String sql, TestLenders.TestLender lender) {
        return jdbc.queryForObject(sql, Integer.class, lender.id());
    }

    @AfterEach
    void stop() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor();
        }
        for (String route : List.of("api-batches", "file-intake")) {
            if (!camel.getRouteController().getRouteStatus(route).isStarted()) {
                camel.getRouteController().startRoute(route);
            }
        }
    }
}
