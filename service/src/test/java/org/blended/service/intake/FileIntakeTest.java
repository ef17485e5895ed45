package org.blended.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.blended.integration.submission.Channel;
import org.blended.service.Examples;
import org.blended.service.IntakeFolder;
import org.blended.service.TestLenders;
import org.blended.service.decision.StoredApplication;
import org.blended.service.decision.StoredApplicationRepository;
import org.blended.service.decision.DecisionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@ActiveProfiles({"postgres", "test"})
class FileIntakeTest {

    static final Path INTAKE = Path.of("target", "file-intake-" + UUID.randomUUID());

    @DynamicPropertySource
    static void intakeFolder(DynamicPropertyRegistry registry) {
        registry.add("blended.intake.file.enabled", () -> "true");
        registry.add("blended.intake.file.directory", INTAKE::toString);
        registry.add("blended.intake.file.poll-delay-millis", () -> "200");
    }

    @Autowired
    StoredApplicationRepository applications;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    RejectionRepository rejections;

    @Autowired
    TestLenders lenders;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aDroppedApplicationIsDecidedAndMovedToDone() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String reference = "FILE-" + UUID.randomUUID();
        String example = Examples.expectedOutcomes().keySet().iterator().next();
        drop(lender.code(), "good-" + reference + ".json", Examples.withReference(example, reference));

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(lender.code() + "/done").anyMatch(n -> n.startsWith("good-" + reference)));

        StoredApplication stored = applications.findByLenderReference(reference).get(0);
        assertThat(stored.getChannel()).isEqualTo(Channel.FILE);
        assertThat(stored.getLenderId()).isEqualTo(lender.id());
        assertThat(stored.getSource()).isEqualTo(lender.code() + "/good-" + reference + ".json");
        assertThat(decisions.findByApplicationId(stored.getId())).hasValueSatisfying(
                d -> assertThat(d.getOutcome().name()).isEqualTo(Examples.expectedOutcomes().get(example)));
        assertThat(Files.exists(INTAKE.resolve(lender.code()).resolve("good-" + reference + ".json"))).isFalse();
    }

    @Test
    void aBadFileGoesToErrorWithItsReasonBesideItAndIsRecorded() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String name = "bad-" + UUID.randomUUID() + ".json";
        drop(lender.code(), name, "{\"lenderReference\": \"X\", \"request\": {\"amount\": -1}}");
        String error = lender.code() + "/error";

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(error)
                .filter(n -> n.startsWith(name.replace(".json", ""))).count() == 2);

        List<String> inError = filesIn(error).filter(n -> n.startsWith(name.replace(".json", ""))).sorted().toList();
        assertThat(inError).hasSize(2);
        String reason = Files.readString(INTAKE.resolve(error).resolve(inError.get(1)));
        assertThat(reason).contains(name).contains("request.amount: must be greater than 0")
                .contains("applicant: must not be null").contains("Recorded as rejection");
        assertThat(Files.readString(INTAKE.resolve(error).resolve(inError.get(0)))).contains("\"amount\": -1");
        assertThat(rejections.findBySource(lender.code() + "/" + name)).singleElement().satisfies(r -> {
            assertThat(r.getChannel()).isEqualTo(Channel.FILE);
            assertThat(r.getLenderId()).isEqualTo(lender.id());
            assertThat(r.getReason()).contains("request.amount");
        });
    }

    @Test
    void aFileInAFolderOfNoLenderIsRefusedWithItsReason() throws IOException {
        String name = "stray-" + UUID.randomUUID() + ".json";
        drop("no-such-lender", name, Examples.json(Examples.expectedOutcomes().keySet().iterator().next()));

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn("no-such-lender/error")
                .filter(n -> n.startsWith(name.replace(".json", ""))).count() == 2);

        String reason = filesIn("no-such-lender/error").filter(n -> n.endsWith(".reason.txt")
                && n.startsWith(name.replace(".json", ""))).findFirst().map(n -> read("no-such-lender/error/" + n)).orElseThrow();
        assertThat(reason).contains("the folder no-such-lender belongs to no lender");
    }

    @Test
    void aCsvFileIsABatchWhoseRowsAreEachDecidedOrRecordedAsRejected() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String name = "portfolio-" + UUID.randomUUID() + ".csv";
        String csv = Files.readString(Path.of("..", "examples", "batches", "portfolio.csv"));
        drop(lender.code(), name, csv + "BAD-ROW,Only three cells,CIC\n");

        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(lender.code() + "/done")
                .anyMatch(n -> n.startsWith(name.replace(".csv", ""))));

        var batch = jdbc.queryForMap("select * from batch where lender_id = ?", lender.id());
        assertThat(batch.get("status")).isEqualTo("COMPLETED");
        assertThat(batch.get("source")).isEqualTo(lender.code() + "/" + name);
        assertThat(batch.get("total_rows")).isEqualTo(16);
        assertThat(batch.get("decided")).isEqualTo(15);
        assertThat(batch.get("rejected")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from application where lender_id = ? and channel = 'FILE' "
                + "and batch_id = ?", Integer.class, lender.id(), batch.get("id"))).isEqualTo(15);
        assertThat(rejections.findBySource(lender.code() + "/" + name + "#16")).singleElement()
                .satisfies(r -> assertThat(r.getBatchRow()).isEqualTo(16));
    }

    @Test
    void aDroppedBatchLeavesItsResultsBesideItInDone() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String name = "results-" + UUID.randomUUID() + ".csv";
        drop(lender.code(), name, Files.readString(Path.of("..", "examples", "batches", "portfolio.csv"))
                + "BAD-ROW,Only three cells,CIC\n");
        String done = lender.code() + "/done";

        String stem = name.substring(0, name.length() - ".csv".length());
        // Beside the file as done/ names it (timestamped), so the same name dropped again keeps both results.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> names = filesIn(done).toList();
            return names.stream().anyMatch(n -> n.startsWith(stem + "-") && n.endsWith(".csv")
                    && names.contains(n + ".results.csv"));
        });
        String results = filesIn(done).filter(n -> n.endsWith(".results.csv")).findFirst().orElseThrow();

        List<String> lines = read(done + "/" + results).lines().toList();
        assertThat(lines.get(0)).isEqualTo("row,lenderReference,applicationId,outcome,rejection");
        assertThat(lines).hasSize(17);
        assertThat(lines.get(1)).startsWith("1,GF-2026-0209,");
        String applicationId = lines.get(1).split(",")[2];
        assertThat(jdbc.queryForObject("select d.outcome from decision d join application a on a.id = d.application_id "
                + "where a.id = ?::uuid and a.lender_id = ?", String.class, applicationId, lender.id()))
                .isEqualTo(lines.get(1).split(",")[3]);
        assertThat(lines.get(16)).startsWith("16,,,,").contains("row 16 has 3 cells");
        assertThat(filesIn(done)).noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void aJsonFileHoldingAnArrayIsABatch() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String name = "array-" + UUID.randomUUID() + ".json";
        drop(lender.code(), name, "[" + Examples.json("bakery-cic.json") + "," + Examples.json("sole-trader-cafe.json") + "]");

        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(lender.code() + "/done")
                .anyMatch(n -> n.startsWith(name.replace(".json", ""))));
        assertThat(jdbc.queryForList("select outcome from decision where lender_id = ? order by outcome", String.class,
                lender.id())).containsExactly("APPROVE_WITH_CONDITIONS", "DECLINE");
    }

    @Test
    void aCsvFileNamingAnUnknownFieldGoesToErrorSayingWhich() throws IOException {
        TestLenders.TestLender lender = lenders.newLender();
        String name = "misspelt-" + UUID.randomUUID() + ".csv";
        drop(lender.code(), name, "lenderReference,request.amout\nX-1,5000\n");
        String error = lender.code() + "/error";

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(error).anyMatch(n -> n.endsWith(".reason.txt")));
        String reason = filesIn(error).filter(n -> n.endsWith(".reason.txt")).findFirst().map(n -> read(error + "/" + n))
                .orElseThrow();
        assertThat(reason).contains("could not be read as a batch").contains("column 2 \"request.amout\"")
                .contains("is not a field of an application");
        assertThat(jdbc.queryForObject("select status from batch where lender_id = ?", String.class, lender.id()))
                .isEqualTo("FAILED");
    }

    /**
     * Empty files could never be read-locked (Camel's readLockMinLength defaults to 1 byte), so each
     * one held the poll for the whole read-lock timeout, and 25 of them held every lender's files
     * for minutes. Now each is refused with its reason, recorded, and the files behind them go on.
     */
    @Test
    void emptyFilesAreRefusedAndRecordedWithoutHoldingUpAnyLendersFiles() throws IOException {
        TestLenders.TestLender careless = lenders.newLender();
        TestLenders.TestLender other = lenders.newLender();
        for (int i = 0; i < 25; i++) {
            drop(careless.code(), "empty-" + i + (i % 2 == 0 ? ".json" : ".csv"), "");
        }
        // the route is at the empty files (reading one, or done with one) before the good files arrive
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> filesIn(careless.code())
                .anyMatch(n -> n.endsWith(".camelLock")) || filesIn(careless.code() + "/error").findAny().isPresent());
        List<String> references = new java.util.ArrayList<>();
        List<String> examples = List.copyOf(Examples.expectedOutcomes().keySet());
        for (int i = 0; i < 10; i++) {
            String reference = "AFTER-EMPTY-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            references.add(reference);
            drop(other.code(), "good-" + reference + ".json", Examples.withReference(examples.get(i % examples.size()), reference));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> references.stream()
                .allMatch(r -> !applications.findByLenderReference(r).isEmpty()));
        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(careless.code() + "/error").count() == 50);

        assertThat(filesIn(careless.code()).filter(n -> n.endsWith(".json") || n.endsWith(".csv"))).isEmpty();
        List<String> notes = filesIn(careless.code() + "/error").filter(n -> n.endsWith(".reason.txt")).toList();
        assertThat(notes).hasSize(25).allSatisfy(n -> assertThat(read(careless.code() + "/error/" + n))
                .contains("the file is empty").contains("Recorded as rejection"));
        assertThat(jdbc.queryForList("select reason from rejection where lender_id = ? and channel = 'FILE'", String.class,
                careless.id())).hasSize(25).allSatisfy(reason -> assertThat(reason).contains("the file is empty"));
    }

    private static String read(String relative) {
        try {
            return Files.readString(INTAKE.resolve(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void drop(String lenderCode, String name, String content) throws IOException {
        IntakeFolder.drop(INTAKE, lenderCode, name, content);
    }

    private static Stream<String> filesIn(String folder) throws IOException {
        return IntakeFolder.filesIn(INTAKE, folder);
    }
}
