package org.blended.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The service on the real PostgreSQL through a proxy the test cuts (the database down) or
 * blackholes (the network silent): REST callers get 503 problem+json with Retry-After within
 * seconds rather than a hang or a 500, health says DOWN, and queued applications wait for the
 * database instead of being dead-lettered.
 */
class DatabaseOutageTest {

    private static final String QUEUE = "blended.outage-test";
    /** Generous for a loaded 2-core machine; the connection timeout is 3 s. */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);
    /** pgjdbc's socketTimeout in the postgres profile. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern HOST_AND_PORT = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)$");

    private static TcpProxy database;
    private static ConfigurableApplicationContext instance;
    /** Straight to the database, past the proxy: counts while it is cut too. */
    private static JdbcTemplate direct;
    private static int port;
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();
    private final List<String> brokerUsers = new ArrayList<>();

    @BeforeAll
    static void startBehindAProxy() throws Exception {
        String url = System.getenv().getOrDefault("BLENDED_TEST_DB_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?reWriteBatchedInserts=true");
        Matcher parts = HOST_AND_PORT.matcher(url);
        assertThat(parts.matches()).as("a PostgreSQL URL: " + url).isTrue();
        database = TcpProxy.start(parts.group(1), parts.group(2) == null ? 5432 : Integer.parseInt(parts.group(2)));
        String proxied = "jdbc:postgresql://127.0.0.1:" + database.port() + "/" + parts.group(3);
        direct = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), url,
                System.getenv().getOrDefault("BLENDED_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("BLENDED_TEST_DB_PASSWORD", "")));

        purgeIfDeclared(QUEUE); // what earlier runs left, before the consumers start
        purgeIfDeclared(QUEUE + ".dlq");
        instance = new SpringApplicationBuilder(BlendedApplication.class)
                .profiles("postgres", "test")
                .run("--server.port=0", "--spring.jmx.enabled=false", "--spring.datasource.url=" + proxied,
                        "--blended.intake.retry.initial-delay-millis=200", "--blended.intake.retry.max-delay-millis=2000",
                        // few attempts, short back-off: chunks are requeued during the outage too, not only retried
                        "--blended.intake.retry.attempts=3",
                        "--blended.intake.queue.exchange=" + QUEUE, "--blended.intake.queue.queue=" + QUEUE,
                        "--blended.intake.queue.dead-letter-exchange=" + QUEUE + ".dlx",
                        "--blended.intake.queue.dead-letter-queue=" + QUEUE + ".dlq");
        port = ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    private static void purgeIfDeclared(String queue) throws Exception {
        if (Broker.rabbitmqctl("list_queues", "name").lines().anyMatch(line -> line.trim().equals(queue))) {
            Broker.purge(queue);
        }
    }

    @AfterEach
    void restoreTheDatabase() throws Exception {
        database.restore();
        for (String user : brokerUsers) {
            Broker.deleteUser(user);
        }
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (database != null) {
            database.close();
        }
        CALLERS.shutdownNow();
    }

    @Test
    void restCallersGet503WithRetryAfterWithinSecondsAndAreServedAgainOnceTheDatabaseIsBack() {
        TestLenders.TestLender lender = instance.getBean(TestLenders.class).newLender();
        Http http = new Http(port, lender.apiKey());
        String application = submitted(http);

        database.cut();

        answered503("cut", http, application, FEW_SECONDS);
        healthIsDown();

        database.restore();

        servedAgain(http, application);
    }

    /**
     * The network drops everything, so nothing fails until a timeout says so. A call that holds a
     * connection at that moment waits out the driver's socket timeout; every call after answers within seconds.
     */
    @Test
    void restCallersGet503WithinSecondsWhenTheDatabaseGoesSilent() {
        TestLenders.TestLender lender = instance.getBean(TestLenders.class).newLender();
        Http http = new Http(port, lender.apiKey());
        String application = submitted(http);

        database.blackhole();

        answered503("silent, first calls", http, application, SOCKET_TIMEOUT.plus(FEW_SECONDS));
        answered503("silent, later calls", http, application, FEW_SECONDS);
        healthIsDown();

        database.restore();

        servedAgain(http, application);
    }

    /** A new application's address. */
    private static String submitted(Http http) {
        HttpResponse<String> created = http.postJson("/api/v1/applications", Examples.json("bakery-cic.json"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return "/api/v1/applications/" + Http.json(created).get("applicationId").asText();
    }

    /** Several callers at once, as a pool of clients would be: each is answered 503 on its own, none waits on another. */
    private static void answered503(String outage, Http http, String application, Duration within) {
        List<CompletableFuture<Timed>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(timed(() -> http.postJson("/api/v1/applications", Examples.json("bakery-cic.json"))));
            calls.add(timed(() -> http.get(application)));
            calls.add(timed(() -> http.get(application + "/decision")));
        }
        for (CompletableFuture<Timed> call : calls) {
            Timed answer = call.join();
            HttpResponse<String> response = answer.response();
            System.out.printf("Database %s: %s %s answered %d in %d ms%n", outage, response.request().method(),
                    response.uri().getPath(), response.statusCode(), answer.elapsed().toMillis());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isPositive());
            assertThat(Http.json(response).get("status").asInt()).isEqualTo(503);
            assertThat(answer.elapsed()).isLessThan(within);
        }
    }

    private static void healthIsDown() {
        Timed health = timed(() -> new Http(port).get("/actuator/health")).join();
        System.out.printf("Database away: health answered %d in %d ms: %s%n", health.response().statusCode(),
                health.elapsed().toMillis(), health.response().body());
        assertThat(health.response().statusCode()).isEqualTo(503);
        assertThat(Http.json(health.response()).get("status").asText()).isEqualTo("DOWN");
        assertThat(health.elapsed()).isLessThan(FEW_SECONDS);
    }

    private static void servedAgain(Http http, String application) {
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get(application).statusCode() == 200);
        HttpResponse<String> after = http.postJson("/api/v1/applications", Examples.json("bakery-cic.json"));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> new Http(port).get("/actuator/health").statusCode() == 200);
    }

    /**
     * The database is cut while a chunk of queued applications is half way through its
     * transaction (held there by a lock, so the cut cannot miss it), and messages keep coming for
     * ten seconds, some of a lender the service has not looked up yet: once the database is back
     * all are decided, each exactly once; none is dead-lettered or recorded as refused.
     */
    @Test
    void queuedApplicationsWaitOutTheOutageAndAreEachDecidedOnce() throws Exception {
        TestLenders lenders = instance.getBean(TestLenders.class);
        TestLenders.TestLender steady = brokerUser(lenders.newLender());
        TestLenders.TestLender newcomer = brokerUser(lenders.newLender()); // first heard of during the outage

        try (Connection blocker = direct.getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table decision_chain in access exclusive mode");
            publish(steady, "before", 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> direct.queryForObject("select count(*) from pg_stat_activity "
                    + "where datname = current_database() and wait_event_type = 'Lock'", Integer.class) > 0);
            database.cut();
            blocker.rollback();
        }
        long cutAt = System.nanoTime();
        publish(steady, "during", 100);
        publish(newcomer, "during", 100);
        Thread.sleep(Math.max(0, Duration.ofSeconds(10).toMillis() - Duration.ofNanos(System.nanoTime() - cutAt).toMillis()));
        assertThat(Broker.messagesIn(QUEUE + ".dlq")).as("nothing dead-lettered while the database was away").isZero();
        assertThat(decided(steady) + decided(newcomer)).as("nothing decided while the database was away").isZero();
        database.restore();
        long restoredAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> decided(steady) == 300 && decided(newcomer) == 100 && Broker.messagesIn(QUEUE) == 0);
        System.out.printf("Database cut for 10 s: all 400 queued applications decided %d ms after it was back%n",
                Duration.ofNanos(System.nanoTime() - restoredAt).toMillis());
        for (TestLenders.TestLender lender : List.of(steady, newcomer)) {
            assertThat(direct.queryForObject("select count(distinct lender_reference) from application where lender_id = ?",
                    Integer.class, lender.id())).as("each reference decided once").isEqualTo(decided(lender));
            assertThat(direct.queryForObject("select count(*) from rejection where lender_id = ?", Integer.class, lender.id()))
                    .as("none refused").isZero();
        }
        assertThat(Broker.messagesIn(QUEUE + ".dlq")).as("none dead-lettered").isZero();
    }

    private TestLenders.TestLender brokerUser(TestLenders.TestLender lender) throws Exception {
        Broker.addLenderUser(lender.code(), QUEUE);
        brokerUsers.add(lender.code());
        return lender;
    }

    private static void publish(TestLenders.TestLender lender, String batch, int count) throws Exception {
        Broker.publish(QUEUE, lender.code(), lender.code(), IntStream.range(0, count)
                .mapToObj(i -> Examples.withReference("bakery-cic.json", "OUTAGE-" + batch + "-" + i + "-" + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8)).toList());
    }

    private static int decided(TestLenders.TestLender lender) {
        return direct.queryForObject("select count(*) from application a join decision d on d.application_id = a.id "
                + "where a.lender_id = ?", Integer.class, lender.id());
    }

    private record Timed(HttpResponse<String> response, Duration elapsed) {
    }

    private static CompletableFuture<Timed> timed(Supplier<HttpResponse<String>> call) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            HttpResponse<String> response = call.get();
            return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
        }, CALLERS);
    }
}
