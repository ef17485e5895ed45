package org.blended.service.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import java.time.LocalDate;
import java.util.stream.IntStream;

import org.blended.rules.application.Application;
import org.blended.service.BlendedApplication;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.Examples;
import org.blended.service.lender.LenderDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pushes N applications end to end through the file route (one JSON-array batch) and the queue
 * route (N messages) into PostgreSQL, and, in the same run, inserts the very rows those decisions
 * made with plain JDBC batches, as the baseline. Prints applications per second and the ratios.
 * <p>
 * Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl service exec:exec -Dapplications=10000}.
 * It uses (and first empties) the PostgreSQL database {@code blended_benchmark} on 127.0.0.1 and
 * RabbitMQ's guest user, which is also the benchmark's lender.
 */
public final class IntakeBenchmark {

    private static final String DATABASE = "blended_benchmark";
    private static final String LENDER = "guest"; // RabbitMQ vouches for user_id = the publishing user
    private static final Path INTAKE = Path.of("target", "benchmark", "intake");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("applications", 10_000);
        String url = BenchmarkDatabase.fresh(DATABASE);
        deleteRecursively(INTAKE);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BlendedApplication.class)
                .profiles("postgres")
                .run(arguments(Map.of(
                        "spring.datasource.url", url,
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "",
                        "spring.rabbitmq.username", "guest",
                        "spring.rabbitmq.password", "guest",
                        "blended.intake.file.directory", INTAKE.toString(),
                        "blended.intake.file.poll-delay-millis", "100",
                        "blended.intake.batch.spool-directory", "target/benchmark/batches",
                        "server.port", "0",
                        "logging.level.org.blended", "WARN")))) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            UUID lender = service.getBean(LenderDirectory.class).register(LENDER, "Benchmark lender").getId();
            purgeIntakeQueue();
            warmUp(service, jdbc, lender);

            var evaluation = service.getBean(io.micrometer.core.instrument.MeterRegistry.class).get("blended.evaluation").timer();
            long evaluationsBefore = evaluation.count();
            double evaluationSecondsBefore = evaluation.totalTime(java.util.concurrent.TimeUnit.SECONDS);
            var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            long compiling = jit.getTotalCompilationTime();
            quiet(jdbc);
            CpuTime before = CpuTime.now();
            double fileRate = fileRoute(jdbc, lender, n);
            String fileCpu = CpuTime.now().perApplicationSince(before, n);
            System.out.printf("  file route done: %,.0f applications/s%n", fileRate);
            quiet(jdbc);
            before = CpuTime.now();
            double queueRate = queueRoute(jdbc, lender, n);
            String queueCpu = CpuTime.now().perApplicationSince(before, n);
            long compiledDuringRoutes = jit.getTotalCompilationTime() - compiling;
            // The best of three: the baseline is the database at its fastest for these rows.
            double baseline = 0;
            String baselineCpu = "";
            for (int run = 0; run < 3; run++) {
                quiet(jdbc);
                before = CpuTime.now();
                double rate = plainJdbcBaseline(jdbc, lender);
                if (rate > baseline) {
                    baseline = rate;
                    baselineCpu = CpuTime.now().perApplicationSince(before, n);
                }
            }

            System.out.printf("%nIntake benchmark, %,d applications per route (PostgreSQL %s, RabbitMQ 127.0.0.1)%n", n, DATABASE);
            System.out.printf("  file route (one JSON-array batch): %8.0f applications/s  = %.2f x baseline%n", fileRate, fileRate / baseline);
            System.out.printf("  queue route (one message each):    %8.0f applications/s  = %.2f x baseline%n", queueRate, queueRate / baseline);
            System.out.printf("  baseline, plain JDBC batch insert of the same decision rows: %8.0f applications/s (best of 3)%n", baseline);
            System.out.printf("  JIT compiling while the routes ran: %,d ms%n", compiledDuringRoutes);
            System.out.printf("  CPU per application, file route: %s%n", fileCpu);
            System.out.printf("  CPU per application, queue route: %s (the benchmark publishes from the service JVM)%n", queueCpu);
            System.out.printf("  CPU per application, baseline: %s%n", baselineCpu);
            System.out.printf("  rule evaluation alone, mean over both routes: %.0f us per application%n",
                    (evaluation.totalTime(java.util.concurrent.TimeUnit.SECONDS) - evaluationSecondsBefore) * 1e6
                            / (evaluation.count() - evaluationsBefore));
        }
    }

    /** Command-line arguments outrank the profile's configuration. */
    private static String[] arguments(Map<String, String> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /**
     * The rules and the database paths compiled and warm before anything is timed, as in a
     * service that has been running a while: the rule base's code needs some tens of thousands
     * of evaluations before the JIT has compiled it fully.
     */
    private static void warmUp(ConfigurableApplicationContext service, JdbcTemplate jdbc, UUID lender) throws Exception {
        RuleEngine engine = service.getBean(RuleEngine.class);
        List<Application> examples = new ArrayList<>();
        ObjectMapper json = service.getBean(ObjectMapper.class);
        for (String file : Examples.expectedOutcomes().keySet()) {
            examples.add(json.readValue(Examples.raw(file), Application.class));
        }
        LocalDate today = LocalDate.now();
        IntStream.range(0, 40_000).parallel().forEach(i -> engine.evaluate(examples.get(i % examples.size()), today));
        int rounds = Integer.getInteger("warmUpRounds", 3);
        int size = Integer.getInteger("warmUpSize", 5_000);
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        for (int round = 0; round < rounds; round++) {
            long compiling = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            drop(array("WARM" + round, size), "warm-up-" + round + ".json");
            waitForReferences(jdbc, lender, "WARM" + round, size);
            publish("WARMQ" + round, size);
            waitForReferences(jdbc, lender, "WARMQ" + round, size);
            System.out.printf("  warm-up round %d: %,d applications in %.1f s, %,d ms of it compiling%n", round + 1, 2 * size,
                    seconds(started), jit.getTotalCompilationTime() - compiling);
        }
    }

    /**
     * Each timed phase starts once the decisions before it are published, with no dirty pages
     * left by the phase before and no vacuum owed.
     */
    private static void quiet(JdbcTemplate jdbc) throws InterruptedException {
        while (jdbc.queryForObject("select count(*) from decision_outbox", Integer.class) > 0) {
            Thread.sleep(100);
        }
        jdbc.execute("vacuum analyze");
        jdbc.execute("checkpoint");
    }

    private static double fileRoute(JdbcTemplate jdbc, UUID lender, int n) throws Exception {
        String body = array("FILE", n).toString();
        long started = System.nanoTime();
        drop(body, "portfolio.json");
        // The batch's own row says when its last chunk is stored: a cheap question to ask often.
        waitFor(jdbc, "select count(*) from batch where lender_id = ? and source like '%portfolio.json' and status = 'COMPLETED'",
                lender, 1);
        return n / seconds(started);
    }

    private static double queueRoute(JdbcTemplate jdbc, UUID lender, int n) throws Exception {
        long started = System.nanoTime();
        publish("QUEUE", n);
        waitForReferences(jdbc, lender, "QUEUE", n);
        return n / seconds(started);
    }

    /**
     * Copies every row the file route stored (applications, decisions, reasons, scores) into
     * trigger-free tables of the same shape with JDBC batches of 1,000: the database's own
     * speed for this data, with no reading, rules, hashing or publishing.
     */
    private static double plainJdbcBaseline(JdbcTemplate jdbc, UUID lender) throws Exception {
        List<String> tables = List.of("application", "decision", "decision_reason", "decision_score");
        List<List<Object[]>> rows = new ArrayList<>();
        List<String> inserts = new ArrayList<>();
        String scope = " where lender_id = ? and lender_reference like 'FILE-%'";
        String applications = "select id from application" + scope;
        for (String table : tables) {
            String where = switch (table) {
                case "application" -> scope;
                case "decision" -> " where application_id in (" + applications + ")";
                default -> " where decision_id in (select id from decision where application_id in (" + applications + "))";
            };
            List<Object[]> tableRows = jdbc.query("select * from " + table + where, (rs, i) -> {
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                return row;
            }, lender);
            int columns = tableRows.isEmpty() ? 0 : tableRows.get(0).length;
            jdbc.execute("drop table if exists baseline_" + table);
            jdbc.execute("create table baseline_" + table + " (like " + table + " including defaults)");
            inserts.add("insert into baseline_" + table + " values (" + "?,".repeat(columns).replaceAll(",$", "") + ")");
            rows.add(tableRows);
        }
        int n = rows.get(0).size();
        try (Connection connection = DriverManager.getConnection(BenchmarkDatabase.SERVER + DATABASE + "?reWriteBatchedInserts=true", "postgres", "")) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (int from = 0; from < n; from += 100) { // per 100 applications, as the batch route commits them
                for (int t = 0; t < tables.size(); t++) {
                    List<Object[]> tableRows = rows.get(t);
                    try (var insert = connection.prepareStatement(inserts.get(t))) {
                        int size = tableRows.size();
                        int start = (int) ((long) from * size / n);
                        int end = (int) ((long) Math.min(n, from + 100) * size / n);
                        for (Object[] row : tableRows.subList(start, end)) {
                            for (int c = 0; c < row.length; c++) {
                                insert.setObject(c + 1, row[c]);
                            }
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                connection.commit();
            }
            return n / seconds(started);
        }
    }

    private static ArrayNode array(String prefix, int n) throws Exception {
        List<String> files = new ArrayList<>(Examples.expectedOutcomes().keySet());
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode application = (ObjectNode) JSON.readTree(Examples.raw(files.get(i % files.size())));
            application.put("lenderReference", prefix + "-" + i);
            array.add(application);
        }
        return array;
    }

    private static void drop(Object body, String name) throws Exception {
        Path folder = INTAKE.resolve(LENDER);
        Files.createDirectories(folder);
        Path part = folder.resolve(name + ".part");
        Files.writeString(part, body.toString());
        Files.move(part, folder.resolve(name));
    }

    private static void publish(String prefix, int n) throws Exception {
        List<String> files = new ArrayList<>(Examples.expectedOutcomes().keySet());
        List<byte[]> examples = new ArrayList<>();
        for (String file : files) {
            examples.add(Examples.raw(file).getBytes(StandardCharsets.UTF_8));
        }
        try (var connection = factory().newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < n; i++) {
                ObjectNode application = (ObjectNode) JSON.readTree(examples.get(i % examples.size()));
                application.put("lenderReference", prefix + "-" + i);
                channel.basicPublish("blended.applications", "applications", new AMQP.BasicProperties.Builder()
                        .userId(LENDER).contentType("application/json").deliveryMode(2).build(), JSON.writeValueAsBytes(application));
            }
            channel.waitForConfirmsOrDie(60_000);
        }
    }

    private static void purgeIntakeQueue() throws Exception {
        try (var connection = factory().newConnection(); Channel channel = connection.createChannel()) {
            channel.queuePurge("blended.applications");
        }
    }

    private static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    /**
     * Waits until references prefix-0 to prefix-(n-1) are all decided. Counting them takes the
     * database's time, so it is done only once the last one sent is in (a key lookup).
     */
    private static void waitForReferences(JdbcTemplate jdbc, UUID lender, String prefix, int n) throws InterruptedException {
        long lastLog = System.nanoTime();
        while (jdbc.queryForObject("select count(*) from application_reference where lender_id = ? and lender_reference = ?",
                Integer.class, lender, prefix + "-" + (n - 1)) == 0) {
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                System.out.printf("  ... waiting for %s-%d, the last sent%n", prefix, n - 1);
                lastLog = System.nanoTime();
            }
            Thread.sleep(100);
        }
        waitFor(jdbc, "select count(*) from application_reference where lender_id = ? and lender_reference like '" + prefix + "-%'",
                lender, n);
    }

    private static void waitFor(JdbcTemplate jdbc, String count, UUID lender, int expected) throws InterruptedException {
        long lastLog = System.nanoTime();
        while (true) {
            Integer done = jdbc.queryForObject(count, Integer.class, lender);
            if (done != null && done >= expected) {
                return;
            }
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                System.out.printf("  ... %,d of %,d%n", done, expected);
                lastLog = System.nanoTime();
            }
            Thread.sleep(100); // polling more often would itself take the database's time
        }
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
