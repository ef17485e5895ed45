package org.blended.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.integration.batch.DroppedBatch;
import org.blended.service.Batches;
import org.blended.service.Http;
import org.blended.service.IntakeFolder;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Claims on batches, with a short lease: a batch another instance holds is left to it, its file
 * kept in place (not moved or deleted); once that instance stops renewing its claim, the batch is
 * taken over and completed; one whose file is gone fails saying how far it got; and a batch this
 * instance works on keeps its claim however long a chunk takes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class BatchTakeoverTest {

    static final Path SPOOL = Path.of("target", "batches-takeover-" + UUID.randomUUID());
    static final Path INTAKE = Path.of("target", "intake-takeover-" + UUID.randomUUID());
    static final Duration LEASE = Duration.ofSeconds(3);
    static final String ELSEWHERE = "elsewhere/0000dead";

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("blended.intake.batch.spool-directory", SPOOL::toString);
        registry.add("blended.intake.batch.poll-delay-millis", () -> "200");
        registry.add("blended.intake.batch.lease-millis", () -> String.valueOf(LEASE.toMillis()));
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

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${spring.datasource.username}")
    String databaseUser;

    @Value("${spring.datasource.password:}")
    String databasePassword;

    @Test
    void aPostedBatchAnotherInstanceHoldsKeepsItsSpoolFileUntilTheClaimLapsesThenIsTakenOverAndCompleted() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        UUID id = UUID.randomUUID();
        claimedElsewhere(id, lender, "REST", "api:elsewhere", Instant.now().plusSeconds(6));
        Path folder = Files.createDirectories(SPOOL.resolve(lender.code()));
        Path staged = Files.writeString(SPOOL.resolve(id + ".part"), Batches.portfolioCsv());
        Path file = Files.move(staged, folder.resolve(id + ".csv"));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                Files.exists(file) && ELSEWHERE.equals(batch(id).get("claimed_by")));

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(batch(id).get("status")));
        assertThat(batch(id)).containsEntry("decided", 15).containsEntry("rejected", 0).containsEntry("total_rows", 15);
        assertThat(Files.exists(file)).as("a finished spool file is deleted").isFalse();
    }

    @Test
    void aDroppedBatchAnotherInstanceHoldsStaysInItsFolderUntilTheClaimLapsesThenIsTakenOverAndCompleted() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String name = "portfolio-" + UUID.randomUUID() + ".csv";
        Path staged = Files.writeString(INTAKE.resolveSibling(name), Batches.portfolioCsv());
        Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minusSeconds(60)));
        UUID id = DroppedBatch.id(lender.id(), lender.code() + "/" + name, Files.size(staged),
                Files.getLastModifiedTime(staged).toMillis());
        claimedElsewhere(id, lender, "FILE", lender.code() + "/" + name, Instant.now().plusSeconds(6));
        Path file = Files.move(staged, Files.createDirectories(INTAKE.resolve(lender.code())).resolve(name));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                Files.exists(file) && ELSEWHERE.equals(batch(id).get("claimed_by")));

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(batch(id).get("status")));
        assertThat(batch(id)).containsEntry("decided", 15).containsEntry("rejected", 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> IntakeFolder.filesIn(INTAKE, lender.code() + "/done")
                .anyMatch(n -> n.startsWith(name.replace(".csv", ""))));
    }

    @Test
    void abandonedBatchesWhoseFileIsGoneFailSayingHowFarTheyGot() {
        TestLenders.TestLender lender = lenders.newLender();
        UUID posted = UUID.randomUUID();
        UUID dropped = UUID.randomUUID();
        // the claims lapse only after the rows are counted: the sweep (every 5 s) must not see them before
        claimedElsewhere(posted, lender, "REST", "api:elsewhere", Instant.now().plusSeconds(2));
        claimedElsewhere(dropped, lender, "FILE", lender.code() + "/gone.csv", Instant.now().plusSeconds(2));
        jdbc.update("update batch set rows_read = 400, decided = 390, rejected = 10 where id in (?, ?)", posted, dropped);
        UUID neverStored = UUID.randomUUID();
        jdbc.update("""
                insert into batch (id, lender_id, channel, source, format, status, received_at, bytes_total)
                values (?, ?, 'REST', 'api:elsewhere', 'JSON', 'RECEIVED', ?, 1000)""",
                neverStored, lender.id(), Timestamp.from(Instant.now().minus(LEASE).minusSeconds(1)));

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(batch(posted).get("status"))
                && "FAILED".equals(batch(dropped).get("status")) && "FAILED".equals(batch(neverStored).get("status")));

        for (UUID id : new UUID[] {posted, dropped}) {
            assertThat((String) batch(id).get("failure")).contains("file is gone").contains("after row 400")
                    .contains("390 rows decided, 10 rejected").contains("Send the file again");
            assertThat(batch(id).get("finished_at")).isNotNull();
        }
        assertThat((String) batch(neverStored).get("failure")).contains("not received whole");
    }

    /** Failed because it was not here: another instance that keeps its own folders may still have the file. */
    @Test
    void aBatchFailedForItsMissingFileIsResumedWhenTheFileTurnsUp() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        UUID id = UUID.randomUUID();
        claimedElsewhere(id, lender, "REST", "api:elsewhere", Instant.now().minusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(batch(id).get("status")));

        Path staged = Files.writeString(SPOOL.resolve(id + ".part"), Batches.portfolioCsv());
        Files.move(staged, Files.createDirectories(SPOOL.resolve(lender.code())).resolve(id + ".csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(batch(id).get("status")));
        assertThat(batch(id)).containsEntry("decided", 15).containsEntry("failure", null);
    }

    /**
     * A chunk held up longer than two leases (here: waiting for the decision chain, which another
     * session holds) keeps its claim: the heartbeat renews it, so no other instance can take the
     * batch over meanwhile, and it completes with every row decided once.
     */
    @Test
    void aChunkSlowerThanTheLeaseKeepsItsClaim() throws Exception {
        TestLenders.TestLender lender = lenders.newLender();
        Http http = new Http(port, lender.apiKey());
        UUID id;
        HttpResponse<String> accepted;
        try (Connection blocker = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword)) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("select * from decision_chain where id = 1 for update");

            accepted = http.post("/api/v1/batches", "text/csv", Batches.portfolioCsv());
            String location = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
            id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(batch(id).get("status")));
            assertThat(batch(id)).containsEntry("claimed_by", lease.instance());

            // what another instance does to take a batch over; it must find the claim held throughout
            int[] takenOver = {0};
            await().during(LEASE.multipliedBy(2)).atMost(LEASE.multipliedBy(3)).until(() -> {
                takenOver[0] += jdbc.update("""
                        update batch set claimed_by = ?, claimed_until = ?
                        where id = ? and status = 'RUNNING' and claimed_until < ?""",
                        ELSEWHERE, Timestamp.from(Instant.now().plusSeconds(60)), id, Timestamp.from(Instant.now()));
                return takenOver[0] == 0;
            });
            assertThat(batch(id)).containsEntry("decided", 0);
            blocker.rollback();
        }

        JsonNode finished = Batches.finished(http, accepted);
        assertThat(finished.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(finished.get("decided").asInt()).isEqualTo(15);
        assertThat(finished.get("alreadyDecided").asInt()).isZero();
        assertThat(batch(id)).containsEntry("claimed_by", lease.instance());
    }

    private void claimedElsewhere(UUID id, TestLenders.TestLender lender, String channel, String source, Instant until) {
        jdbc.update("""
                insert into batch (id, lender_id, channel, source, format, status, received_at, bytes_total, bytes_read,
                                   claimed_by, claimed_until)
                values (?, ?, ?, ?, 'CSV', 'RUNNING', ?, 1000, 0, ?, ?)""",
                id, lender.id(), channel, source, Timestamp.from(Instant.now()), ELSEWHERE, Timestamp.from(until));
    }

    private Map<String, Object> batch(UUID id) {
        return jdbc.queryForMap("select * from batch where id = ?", id);
    }
}
