package org.blended.service.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.blended.service.Broker;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Generated malformed and adversarial submissions over REST, dropped files and the queue, made
 * from one printed seed (see {@link HostileSeed}). Whatever arrives: no answer is a 5xx; every
 * submission ends decided or recorded as a rejection; no answer, reason note or batch failure
 * shows a Java class, SQL or a server path. A failure names the seed and each failing case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "blended.hostile-applications";
    private static final Path INTAKE = Path.of("target", "hostile-intake-" + UUID.randomUUID());
    /** A label in every reference, so that two runs with one seed never share a reference. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    private static final int REST_CASES = 2_000;
    private static final int QUEUE_CASES = 1_200;
    private static final int FILE_CASES = 300;

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("blended.intake.file.enabled", () -> "true");
        registry.add("blended.intake.file.directory", INTAKE::toString);
        registry.add("blended.intake.file.poll-delay-millis", () -> "200");
        registry.add("blended.intake.queue.exchange", () -> QUEUE);
        registry.add("blended.intake.queue.queue", () -> QUEUE);
        registry.add("blended.intake.queue.dead-letter-exchange", () -> QUEUE + ".dlx");
        registry.add("blended.intake.queue.dead-letter-queue", () -> QUEUE + ".dlq");
        registry.add("blended.security.requests-per-minute", () -> "1000000"); // the suite is one very busy client
    }

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private static String brokerUser;

    @Test
    @Order(1)
    void everyRestSubmissionIsDecidedOrRecordedAndNoAnswerIs5xxOrShowsTheServersInsides() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        List<HostileCase> cases = new HostileCases(HostileSeed.of("rest"), RUN).make("rest", REST_CASES, 10);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<UUID> rejectionIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (HostileCase c : cases) {
                sent.add(senders.submit(() -> {
                    HttpResponse<String> response = send(lender.apiKey(), "/api/v1/applications", "application/json", c.body());
                    judge(c, response, failures, rejectionIds);
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            senders.shutdown();
        }
        failures.addAll(notRecorded(lender, rejectionIds));
        report("REST", cases.size(), failures);
    }

    @Test
    @Order(2)
    void protocolRefusalsAtTheIntakeEndpointsAreRecordedAsRejections() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        String key = lender.apiKey();
        byte[] valid = new HostileCases(HostileSeed.of("protocol"), RUN).valid("protocol-valid").body();
        byte[] huge = HostileCases.bytes("{\"lenderReference\": \"" + "x".repeat(300_000) + "\"}");
        List<String> failures = new ArrayList<>();
        List<UUID> rejectionIds = new ArrayList<>();
        Map<String, HttpRequest.Builder> requests = new java.util.LinkedHashMap<>();
        String applications = "/api/v1/applications";
        requests.put("text/plain", post(key, applications, "text/plain", valid));
        requests.put("no content type", post(key, applications, null, valid));
        requests.put("application/xml", post(key, applications, "application/xml", valid));
        requests.put("form-urlencoded", post(key, applications, "application/x-www-form-urlencoded", HostileCases.bytes("a=b&c=%00")));
        requests.put("multipart without boundary", post(key, applications, "multipart/form-data", valid));
        requests.put("multipart with a boundary", post(key, applications, "multipart/form-data; boundary=xyz",
                HostileCases.bytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n{}\r\n--xyz--\r\n")));
        requests.put("a content type that is no media type", post(key, applications, "json;;;/", valid));
        requests.put("a wildcard content type", post(key, applications, "*/*", valid));
        requests.put("an unknown charset", post(key, applications, "application/json; charset=no-such-charset", valid));
        requests.put("an empty body", post(key, applications, "application/json", new byte[0]));
        requests.put("a body over the limit", post(key, applications, "application/json", huge));
        requests.put("a chunked body over the limit", client(key, applications).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
        requests.put("XML wanted back", post(key, applications, "application/json", valid).header("Accept", "application/xml"));
        requests.put("an empty batch", post(key, "/api/v1/batches", "text/csv", new byte[0]));
        requests.put("a batch as text/plain", post(key, "/api/v1/batches", "text/plain", HostileCases.bytes("a,b\n1,2\n")));
        requests.put("a batch as multipart without boundary", post(key, "/api/v1/batches", "multipart/form-data", HostileCases.bytes("[]")));
        for (var request : requests.entrySet()) {
            HostileCase c = new HostileCase("protocol: " + request.getKey(), request.getKey(), new byte[0], List.of());
            judge(c, client.send(request.getValue().build(), HttpResponse.BodyHandlers.ofString()), failures, rejectionIds);
        }
        failures.addAll(notRecorded(lender, rejectionIds));
        report("protocol", requests.size(), failures);
    }

    @Test
    @Order(3)
    void everyQueuedMessageIsDecidedOrRecordedAndItsValidNeighboursAreDecided() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        brokerUser = lender.code();
        Broker.addLenderUser(lender.code(), QUEUE);
        HostileCases maker = new HostileCases(HostileSeed.of("queue"), RUN);
        List<HostileCase> hostile = maker.make("queue", QUEUE_CASES, 8);
        List<HostileCase> messages = new ArrayList<>();
        Set<String> valid = new HashSet<>();
        for (int i = 0; i < hostile.size(); i++) {
            messages.add(hostile.get(i));
            if (i % 4 == 3) { // every chunk mixes valid applications with hostile ones
                HostileCase neighbour = maker.valid("queue-valid-" + i);
                messages.add(neighbour);
                valid.add(neighbour.id());
            }
        }
        Map<String, HostileCase> byMessageId = new java.util.LinkedHashMap<>();
        int unnamed;
        try (Connection connection = Broker.factory(lender.code(), Broker.PASSWORD).newConnection();
             Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (HostileCase c : messages) {
                String messageId = UUID.randomUUID().toString();
                byMessageId.put(messageId, c);
                channel.basicPublish(QUEUE, "applications", properties(lender.code(), messageId, "application/json"), c.body());
            }
            // Hostile properties: message ids that cannot be stored as they are, none at all, a type that
            // asks for Java deserialisation. Their sources cannot name them, so they are counted.
            List<AMQP.BasicProperties> odd = List.of(
                    properties(lender.code(), "id-with-\u0000-nul", "application/json"),
                    properties(lender.code(), "i".repeat(255), "application/json"),
                    properties(lender.code(), "\ud800-lone", "application/json"),
                    properties(lender.code(), null, "application/json"),
                    properties(lender.code(), null, "application/x-java-serialized-object"),
                    properties(lender.code(), null, "text/plain; charset=utf-16"));
            for (int i = 0; i < odd.size(); i++) {
                channel.basicPublish(QUEUE, "applications", odd.get(i), maker.valid("queue-odd-" + i).body());
            }
            unnamed = odd.size();
            channel.waitForConfirmsOrDie(60_000);
        }
        int published = messages.size() + unnamed;
        // A message leaves the queue only once it is settled, after its decision or rejection is committed.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> Broker.messagesIn(QUEUE) == 0);

        List<String> failures = new ArrayList<>();
        List<String> decidedSources = jdbc.queryForList("select source from application where lender_id = ?", String.class, lender.id());
        Set<String> decided = new HashSet<>(decidedSources);
        Set<String> references = references(lender);
        Map<String, String> refused = new java.util.HashMap<>();
        jdbc.query("select source, reason from rejection where lender_id = ?",
                rs -> { refused.put(rs.getString(1), rs.getString(2)); }, lender.id());
        byMessageId.forEach((messageId, c) -> {
            String source = "queue:" + messageId;
            if (valid.contains(c.id()) && !decided.contains(source)) {
                failures.add(c + ": a valid neighbour was not decided" + (refused.containsKey(source)
                        ? " but refused: " + refused.get(source) : ""));
            } else if (!decided.contains(source) && !refused.containsKey(source) && !references.contains(referenceOf(c))) {
                failures.add(c + ": neither decided nor recorded");
            }
            if (refused.containsKey(source)) {
                Leaks.in(refused.get(source), c.sent()).ifPresent(leak -> failures.add(c + ": the recorded reason shows " + leak));
            }
        });
        long others = decidedSources.stream().filter(s -> !byMessageId.containsKey(s.substring("queue:".length()))).count()
                + refused.keySet().stream().filter(s -> s == null || !byMessageId.containsKey(s.substring("queue:".length()))).count();
        if (others != unnamed) {
            failures.add(unnamed + " messages with odd properties published, " + others + " of them decided or recorded");
        }
        report("queue", published, failures);
    }

    @Test
    @Order(4)
    void everyDroppedFileIsDecidedOrRecordedWithAReasonNoteThatShowsNothingOfTheServer() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        HostileCases maker = new HostileCases(HostileSeed.of("file"), RUN);
        List<HostileCase> cases = new ArrayList<>(maker.make("file", FILE_CASES, 6));
        List<HostileCase> csv = new HostileCsv(HostileSeed.of("csv"), RUN).make("csv", 24);
        Map<String, HostileCase> byName = new java.util.LinkedHashMap<>();
        cases.forEach(c -> byName.put(c.id() + ".json", c));
        csv.forEach(c -> byName.put(c.id() + ".csv", c));
        Path folder = Files.createDirectories(INTAKE.resolve(lender.code()));
        for (var file : byName.entrySet()) { // written aside, then moved in whole, as an export should
            Path staged = Files.write(INTAKE.resolve(file.getKey() + ".part"), file.getValue().body());
            Files.move(staged, folder.resolve(file.getKey()));
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (var left = Files.list(folder)) {
                return left.noneMatch(Files::isRegularFile);
            }
        });

        List<String> failures = new ArrayList<>();
        List<String> done = list(folder.resolve("done"));
        List<String> error = list(folder.resolve("error"));
        Set<String> decided = new HashSet<>(jdbc.queryForList(
                "select source from application where lender_id = ?", String.class, lender.id()));
        Set<String> refused = new HashSet<>(jdbc.queryForList(
                "select source from rejection where lender_id = ?", String.class, lender.id()));
        Set<String> references = references(lender);
        Map<String, Map<String, Object>> batches = new java.util.HashMap<>();
        jdbc.queryForList("select * from batch where lender_id = ?", lender.id()).forEach(b -> batches.put((String) b.get("source"), b));
        for (var file : byName.entrySet()) {
            HostileCase c = file.getValue();
            String stem = file.getKey().substring(0, file.getKey().lastIndexOf('.'));
            String source = lender.code() + "/" + file.getKey();
            boolean inDone = done.stream().anyMatch(n -> n.startsWith(stem + "-"));
            List<String> notes = error.stream().filter(n -> n.startsWith(stem + "-") && n.endsWith(".reason.txt")).toList();
            Map<String, Object> batch = batches.get(source);
            if (batch != null) {
                // "decided" counts the rows answered with an earlier decision too ("already_decided" of them):
                // two cases may set the same reference, and the second is answered with the first's decision
                int ended = ((Number) batch.get("decided")).intValue() + ((Number) batch.get("rejected")).intValue();
                if ("COMPLETED".equals(batch.get("status")) && (batch.get("total_rows") == null
                        || ((Number) batch.get("total_rows")).intValue() != ended)) {
                    failures.add(c + ": batch of " + batch.get("total_rows") + " rows ended with " + ended + " decided or rejected");
                }
                if (!"COMPLETED".equals(batch.get("status")) && notes.isEmpty()) {
                    failures.add(c + ": batch " + batch.get("status") + " without a reason note");
                }
                if (batch.get("failure") != null) {
                    Leaks.in((String) batch.get("failure"), c.sent()).ifPresent(leak -> failures.add(c + ": the batch failure shows " + leak));
                }
            } else if (inDone && !decided.contains(source) && !references.contains(referenceOf(c))) {
                failures.add(c + ": moved to done/ but not decided");
            } else if (!inDone && !refused.contains(source)) {
                failures.add(c + ": neither decided nor recorded" + (notes.isEmpty() ? "" : "; note: " + read(folder.resolve("error").resolve(notes.get(0)))));
            }
            if (!inDone && notes.isEmpty()) {
                failures.add(c + ": refused without a reason note");
            }
            for (String note : notes) {
                Leaks.in(read(folder.resolve("error").resolve(note)), c.sent()).ifPresent(leak -> failures.add(c + ": " + note + " shows " + leak));
            }
        }
        report("file", byName.size(), failures);
    }

    @Test
    @Order(5)
    void theValuesThatOnceFailedWithA500AreRefusedAsFieldsOrDecided() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        Map<String, String> refusedAt = new java.util.LinkedHashMap<>();
        refusedAt.put("\"legalName\": \"Spark\\u0000brook\"", "applicant.legalName");
        refusedAt.put("\"legalName\": \"Spark\\ud800brook\"", "applicant.legalName");
        refusedAt.put("\"amount\": 1e-999999999", "request.amount");
        refusedAt.put("\"measure\": \"GHG_AVOIDED\", \"value\": 1e12", "impact.claims[0].value");
        for (var value : refusedAt.entrySet()) {
            HttpResponse<String> response = send(lender.apiKey(), "/api/v1/applications", "application/json", bakery(value.getKey()));
            assertThat(response.statusCode()).as(value.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(Http.json(response).get("errors").findValuesAsText("field")).as(response.body()).contains(value.getValue());
            assertThat(Http.json(response).hasNonNull("rejectionId")).isTrue();
        }
        for (String none : List.of("\"outcomeAreas\": null, \"beneficiaryGroups\"", "\"declinedElsewhere\": null")) {
            HttpResponse<String> response = send(lender.apiKey(), "/api/v1/applications", "application/json", bakery(none));
            assertThat(response.statusCode()).as(none + ": " + response.body()).isEqualTo(201);
        }
    }

    /** The bakery example with a new reference and one of its fields as given. */
    private static byte[] bakery(String field) {
        String json = org.blended.service.Examples.json("bakery-cic.json");
        String name = field.substring(1, field.indexOf('"', 1));
        String replaced = switch (name) {
            case "measure" -> json.replaceFirst("\"measure\": \"[A-Z_]+\",\\s*\"value\": [0-9.]+", field);
            case "outcomeAreas" -> json.replaceFirst("\"outcomeAreas\": \\[[^\\]]*\\],\\s*\"beneficiaryGroups\"", field);
            case "declinedElsewhere" -> json.replaceFirst("\"declinedElsewhere\": \\[[^\\]]*\\]", field);
            default -> json.replaceFirst("\"" + name + "\": (\"[^\"]*\"|[0-9.]+)", java.util.regex.Matcher.quoteReplacement(field));
        };
        assertThat(replaced).as("the example has " + name).isNotEqualTo(json);
        return HostileCases.bytes(replaced);
    }

    @Test
    @Order(6)
    void aMessageWithNulAmongNinetyNineValidOnesIsRecordedAndTheOthersAreDecided() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        Broker.addLenderUser(lender.code(), QUEUE);
        try {
            HostileCases maker = new HostileCases(HostileSeed.of("chunk"), RUN);
            List<byte[]> bodies = new ArrayList<>();
            for (int i = 0; i < 99; i++) {
                bodies.add(maker.valid("chunk-" + i).body());
            }
            bodies.add(50, bakery("\"legalName\": \"Nul\\u0000Bakery\""));
            List<String> ids = Broker.publish(QUEUE, lender.code(), lender.code(), bodies);

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> Broker.messagesIn(QUEUE) == 0
                    && jdbc.queryForObject("select count(*) from rejection where lender_id = ?", Integer.class, lender.id()) == 1);
            assertThat(jdbc.queryForObject("select count(*) from application where lender_id = ?", Integer.class, lender.id()))
                    .isEqualTo(99);
            assertThat(jdbc.queryForObject("select reason from rejection where lender_id = ? and source = ?", String.class,
                    lender.id(), "queue:" + ids.get(50))).isEqualTo("applicant.legalName: must not contain the NUL character (\\u0000)");
        } finally {
            Broker.deleteUser(lender.code());
        }
    }

    // --- REST ---

    /** 2xx with the decision, or 4xx naming a rejection; never 5xx; nothing of the server's insides. */
    private static void judge(HostileCase c, HttpResponse<String> response, List<String> failures, List<UUID> rejectionIds) {
        int status = response.statusCode();
        String body = response.body();
        Leaks.in(body, c.sent()).ifPresent(leak -> failures.add(c + ": answer " + status + " shows " + leak));
        if (status >= 500) {
            failures.add(c + ": answered " + status + ": " + shown(body));
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            failures.add(c + ": answered " + status + " with a body that is no JSON: " + shown(body));
            return;
        }
        if (status == 200 || status == 201 || status == 202) {
            if (!json.hasNonNull("applicationId") && !json.hasNonNull("id")) {
                failures.add(c + ": answered " + status + " without the application: " + shown(body));
            }
        } else if (json.hasNonNull("rejectionId")) {
            rejectionIds.add(UUID.fromString(json.get("rejectionId").asText()));
        } else {
            failures.add(c + ": answered " + status + " without recording a rejection: " + shown(body));
        }
    }

    private static String shown(String body) {
        return HostileCases.escaped(body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    private List<String> notRecorded(TestLenders.TestLender lender, List<UUID> rejectionIds) {
        Set<UUID> recorded = new HashSet<>(jdbc.queryForList("select id from rejection where lender_id = ?", UUID.class, lender.id()));
        return rejectionIds.stream().filter(id -> !recorded.contains(id)).map(id -> "rejection " + id + " was answered but not stored").toList();
    }

    private HttpResponse<String> send(String key, String path, String contentType, byte[] body) {
        try {
            return client.send(post(key, path, contentType, body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder post(String key, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = client(key, path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return contentType == null ? request : request.header("Content-Type", contentType);
    }

    private HttpRequest.Builder client(String key, String path) {
        return HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).header("X-API-Key", key)
                .timeout(Duration.ofSeconds(60));
    }

    // --- queue and files ---

    private static AMQP.BasicProperties properties(String user, String messageId, String contentType) {
        return new AMQP.BasicProperties.Builder().userId(user).messageId(messageId).contentType(contentType).deliveryMode(2).build();
    }

    private Set<String> references(TestLenders.TestLender lender) {
        return new HashSet<>(jdbc.queryForList("select lender_reference from application_reference where lender_id = ?",
                String.class, lender.id()));
    }

    /**
     * The reference a case's body names, when it is readable at all: a repeated one is answered with its first decision.
     * Read as the token's own text, as the service reads it: a tree would turn 9999999999999.99 into 9.99999999999999E12.
     */
    private static String referenceOf(HostileCase c) {
        try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(c.body())) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            String reference = null; // the last one counts, as when the service binds the body
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if ("lenderReference".equals(field)) {
                    reference = value.isScalarValue() && value != com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return reference;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void report(String channel, int cases, List<String> failures) {
        System.out.println("Hostile " + channel + ": " + cases + " cases, " + failures.size() + " failures; " + HostileSeed.rerun());
        assertThat(failures).as("Hostile " + channel + " input, " + HostileSeed.rerun() + ": " + failures.size() + " of "
                + cases + " cases failed:\n" + String.join("\n", failures.stream().limit(40).toList())).isEmpty();
    }

    @AfterAll
    static void removeBrokerUser() throws Exception {
        if (brokerUser != null) {
            Broker.deleteUser(brokerUser);
        }
        Broker.purge(QUEUE + ".dlq");
    }
}
