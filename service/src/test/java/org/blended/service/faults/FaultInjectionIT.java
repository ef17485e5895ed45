package org.blended.service.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Batches;
import org.blended.service.Broker;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * Nothing lost, whatever fails: the packaged service, on PostgreSQL and RabbitMQ reached through
 * proxies this test cuts, killed with SIGKILL in the middle of an API batch, a dropped CSV file and
 * a queue backlog at once. Every reference sent must end decided exactly once (all are valid), the
 * batches must complete after a restart, REST must answer 503 with Retry-After while the database
 * is away, and the decision chain must verify at the end. Figures are printed for the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    /** Names of this run's own: runs side by side (worktrees, a shared machine) must not meet in one database or queue. */
    private static final long RUN = ProcessHandle.current().pid();
    private static final String DATABASE = "blended_faults_" + RUN;
    private static final String DIRECT_URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    private static final String LENDER = "faults-lender-" + RUN;
    private static final String LENDER_KEY = "faults-lender-key-" + RUN;
    private static final String ADMIN_KEY = "faults-admin-key-" + RUN;
    private static final String QUEUE = "blended.faults." + RUN;
    private static final Path WORK = Path.of("target", "faults-" + RUN);
    private static final int API_ROWS = 3000;
    private static final int FILE_ROWS = 3000;
    private static final int QUEUE_MESSAGES = 1500;

    private TcpProxy database;
    private TcpProxy broker;
    private ServiceProcess service;
    private Http lender;
    private Ledger ledger;

    @BeforeAll
    void start() throws Exception {
        FileSystemUtils.deleteRecursively(WORK);
        database("create database " + DATABASE);
        ledger = new Ledger(DIRECT_URL);
        database = TcpProxy.start("127.0.0.1", 5432);
        broker = TcpProxy.start("127.0.0.1", 5672);
        Broker.addLenderUser(LENDER, QUEUE);
        service = new ServiceProcess(List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + database.port() + "/" + DATABASE,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.rabbitmq.port=" + broker.port(),
                "--blended.demo.lender-code=" + LENDER, "--blended.demo.lender-api-key=" + LENDER_KEY,
                "--blended.demo.admin-api-key=" + ADMIN_KEY,
                "--blended.intake.queue.exchange=" + QUEUE, "--blended.intake.queue.queue=" + QUEUE,
                "--blended.intake.queue.dead-letter-exchange=" + QUEUE + ".dlx",
                "--blended.intake.queue.dead-letter-queue=" + QUEUE + ".dlq",
                "--blended.intake.file.enabled=true",
                "--blended.intake.file.directory=" + WORK.resolve("intake").toAbsolutePath(),
                "--blended.intake.batch.spool-directory=" + WORK.resolve("spool").toAbsolutePath(),
                "--blended.decisions.exchange=" + QUEUE + ".decisions",
                "--logging.level.org.blended=INFO"), WORK.resolve("logs"));
        Duration started = service.start();
        System.out.printf("[faults] first start: %.1f s%n", started.toMillis() / 1000.0);
        lender = new Http(service.port(), LENDER_KEY);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.stop();
        }
        if (database != null) {
            database.close();
        }
        if (broker != null) {
            broker.close();
        }
        Broker.deleteUser(LENDER);
        for (String queue : List.of(QUEUE, QUEUE + ".dlq")) {
            Broker.rabbitmqctl("delete_queue", queue);
        }
        database("drop database if exists " + DATABASE + " with (force)");
    }

    private static void database(String statement) throws Exception {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute(statement);
        }
    }

    @Test
    @Order(1)
    void killedMidBatchFileAndQueueEveryReferenceIsDecidedOnceAfterARestart() throws Exception {
        HttpResponse<String> accepted = lender.post("/api/v1/batches", "text/csv", csv("FA-API-", API_ROWS));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String apiBatch = Http.json(accepted).get("id").asText();
        Path folder = Files.createDirectories(WORK.resolve("intake").resolve(LENDER));
        Path written = folder.resolve("portfolio.csv.part");
        Files.writeString(written, csv("FA-FILE-", FILE_ROWS));
        Files.move(written, folder.resolve("portfolio.csv"));
        Broker.publish(QUEUE, LENDER, LENDER, IntStream.range(0, QUEUE_MESSAGES)
                .mapToObj(i -> application("FA-Q-" + i).getBytes(StandardCharsets.UTF_8)).toList());

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).alias("work under way on every channel")
                .until(() -> ledger.decisions("FA-API-").size() >= 300 && ledger.decisions("FA-FILE-").size() >= 300
                        && !ledger.decisions("FA-Q-").isEmpty());
        service.kill();
        int apiBefore = ledger.decisions("FA-API-").size();
        int fileBefore = ledger.decisions("FA-FILE-").size();
        int queueBefore = ledger.decisions("FA-Q-").size();
        System.out.printf("[faults] killed with SIGKILL after %d API batch rows, %d file rows, %d queue messages%n",
                apiBefore, fileBefore, queueBefore);
        assertThat(apiBefore).as("killed mid-batch, not after it").isLessThan(API_ROWS);

        Duration restarted = service.start();
        long ready = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).alias("the API batch moves again")
                .until(() -> ledger.decisions("FA-API-").size() > apiBefore || ledger.decisions("FA-API-").size() == API_ROWS);
        double resumedAfter = (System.nanoTime() - ready) / 1e9;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).alias("everything decided")
                .until(() -> ledger.decisions("FA-API-").size() == API_ROWS && ledger.decisions("FA-FILE-").size() == FILE_ROWS
                        && ledger.decisions("FA-Q-").size() == QUEUE_MESSAGES);
        double doneAfter = (System.nanoTime() - ready) / 1e9;
        System.out.printf("[faults] restart took %.1f s; the API batch resumed %.1f s after, all %d references decided %.1f s after%n",
                restarted.toMillis() / 1000.0, resumedAfter, API_ROWS + FILE_ROWS + QUEUE_MESSAGES, doneAfter);

        for (String prefix : List.of("FA-API-", "FA-FILE-", "FA-Q-")) {
            assertThat(ledger.decisions(prefix).values()).as(prefix + " decided exactly once").allMatch(n -> n == 1);
            assertThat(ledger.rejections(prefix)).as(prefix + " nothing valid rejected").isZero();
        }
        await().atMost(Duration.ofMinutes(2)).alias("both batches completed").untilAsserted(() -> {
            assertThat(ledger.batch(apiBatch)).containsEntry("status", "COMPLETED").containsEntry("total_rows", API_ROWS);
            String fileBatch = ledger.batchFromSource("portfolio.csv");
            assertThat(fileBatch).isNotNull();
            assertThat(ledger.batch(fileBatch)).containsEntry("status", "COMPLETED").containsEntry("total_rows", FILE_ROWS);
        });
        assertThat(folder.resolve("portfolio.csv")).as("the file moves to done/ once finished").doesNotExist();
        try (var done = Files.list(folder.resolve("done"))) {
            assertThat(done.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("portfolio"));
        }
        assertThat(Broker.messagesIn(QUEUE + ".dlq")).as("nothing dead-lettered").isZero();
    }

    @Test
    @Order(2)
    void whileTheDatabaseIsAwayRestAnswers503AndQueuedApplicationsWait() throws Exception {
        database.cut();
        List<Long> answerMillis = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                long sent = System.nanoTime();
                HttpResponse<String> response = lender.postJson("/api/v1/applications", application("FA-CUT-REST-" + i));
                answerMillis.add((System.nanoTime() - sent) / 1_000_000);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                HttpResponse<String> read = lender.get("/api/v1/rejections");
                assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            }
            Broker.publish(QUEUE, LENDER, LENDER, IntStream.range(0, 300)
                    .mapToObj(i -> application("FA-CUT-Q-" + i).getBytes(StandardCharsets.UTF_8)).toList());
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() -> true); // the outage lasts
        } finally {
            database.restore();
        }
        System.out.printf("[faults] database cut: REST answered 503 in %s ms%n", answerMillis);
        assertThat(answerMillis).as("503 within a few seconds, not a hang").allMatch(ms -> ms < 10_000);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).alias("queued during the outage, decided after")
                .until(() -> ledger.decisions("FA-CUT-Q-").size() == 300);
        assertThat(ledger.decisions("FA-CUT-Q-").values()).allMatch(n -> n == 1);
        assertThat(ledger.rejections("FA-CUT-")).isZero();
        assertThat(Broker.messagesIn(QUEUE + ".dlq")).as("nothing dead-lettered").isZero();
        HttpResponse<String> after = lender.postJson("/api/v1/applications", application("FA-CUT-REST-after"));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
    }

    @Test
    @Order(3)
    void whileTheBrokerIsAwayDecisionsWaitInTheOutboxAndQueuedOnesAreRedelivered() throws Exception {
        Broker.publish(QUEUE, LENDER, LENDER, IntStream.range(0, 500)
                .mapToObj(i -> application("FA-BROKER-Q-" + i).getBytes(StandardCharsets.UTF_8)).toList());
        broker.cut();
        try {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = lender.postJson("/api/v1/applications", application("FA-BROKER-REST-" + i));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
        } finally {
            broker.restore();
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).alias("queue drained and outbox empty")
                .until(() -> ledger.decisions("FA-BROKER-Q-").size() == 500 && ledger.outbox() == 0);
        assertThat(ledger.decisions("FA-BROKER-").values()).allMatch(n -> n == 1);
        assertThat(Broker.messagesIn(QUEUE + ".dlq")).isZero();
    }

    @Test
    @Order(4)
    void theDecisionChainVerifies() {
        JsonNode verified = Http.json(lender.as(ADMIN_KEY).get("/api/v1/audit/verify"));
        System.out.println("[faults] chain: " + verified);
        assertThat(verified.toString()).contains("\"intact\":true");
    }

    /** Valid rows only: every reference must end decided, so a rejection is a fault. */
    private static String csv(String prefix, int rows) {
        List<String> lines = Batches.portfolioCsv().lines().toList();
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 0; i < rows; i++) {
            String row = lines.get(1 + i % (lines.size() - 1));
            csv.append(prefix).append(i).append(row.substring(row.indexOf(','))).append('\n');
        }
        return csv.toString();
    }

    private static String application(String reference) {
        return Examples.withReference("bakery-cic.json", reference);
    }
}
