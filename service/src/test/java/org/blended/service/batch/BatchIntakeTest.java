package org.blended.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.blended.rules.assessment.Outcome;
import org.blended.service.Batches;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Batches posted to the API, as JSON arrays and CSV, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class BatchIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestLenders lenders;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void aCsvWithGoodAndBadRowsEndsWithEveryRowDecidedOrRejectedWithItsRowNumber() throws IOException {
        Http http = new Http(port, lenders.newLender().apiKey());
        List<String> lines = new ArrayList<>(Files.readAllLines(Batches.PORTFOLIO_CSV));
        String header = lines.get(0);
        int columns = header.split(",").length;
        lines.add(3, "BAD-CELLS,Too Few Cells CIC,CIC");                          // row 3: wrong number of cells
        String[] cells = lines.stream().skip(1).filter(l -> !l.contains("\"")).findFirst().orElseThrow().split(",", -1);
        cells[0] = "BAD-AMOUNT";
        cells[List.of(header.split(",")).indexOf("request.amount")] = "-5";
        lines.add(6, String.join(",", cells));                                    // row 6: a negative amount
        lines.add(lines.size(), ",".repeat(columns - 1));                          // last row: empty cells only

        JsonNode batch = Batches.finished(http, http.post("/api/v1/batches", "text/csv", String.join("\n", lines)));

        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("totalRows").asInt()).isEqualTo(18);
        assertThat(batch.get("decided").asInt()).isEqualTo(15);
        assertThat(batch.get("rejected").asInt()).isEqualTo(3);
        assertThat(outcomes(batch)).isEqualTo(expectedOutcomeCounts());

        JsonNode rejections = Http.json(http.get(batch.get("rejectionsLink").asText()));
        assertThat(rejections).hasSize(3);
        assertThat(rejections.get(0).get("batchRow").asInt()).isEqualTo(3);
        assertThat(rejections.get(0).get("reason").asText()).contains("row 3 has 3 cells but the header names " + columns);
        assertThat(rejections.get(1).get("batchRow").asInt()).isEqualTo(6);
        assertThat(rejections.get(1).get("reason").asText()).contains("request.amount");
        assertThat(rejections.get(2).get("batchRow").asInt()).isEqualTo(18);
        assertThat(rejections.get(2).get("reason").asText()).contains("lenderReference");
    }

    @Test
    void theDocumentedCsvGivesEveryExampleItsRecordedOutcome() {
        Http http = new Http(port, lenders.newLender().apiKey());
        JsonNode batch = Batches.finished(http, http.post("/api/v1/batches", "text/csv", read(Batches.PORTFOLIO_CSV)));
        assertThat(batch.get("rejected").asInt()).isZero();
        assertThat(outcomes(batch)).isEqualTo(expectedOutcomeCounts());
    }

    @Test
    void aBatchOfTenThousandCompletesAndSendingItAgainDecidesNothingTwice() {
        TestLenders.TestLender lender = lenders.newLender();
        Http http = new Http(port, lender.apiKey());
        String body = tenThousand().toString();

        long started = System.nanoTime();
        JsonNode batch = Batches.finished(http, http.postJson("/api/v1/batches", body));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Batch of 10,000 decided in %.1f s (%.0f applications/s)%n", seconds, 10_000 / seconds);

        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("percentRead").asInt()).isEqualTo(100);
        assertThat(batch.get("decided").asInt()).isEqualTo(10_000);
        assertThat(batch.get("alreadyDecided").asInt()).isZero();
        assertThat(batch.get("rejected").asInt()).isZero();
        assertThat(countOf(lender, "application")).isEqualTo(10_000);

        JsonNode again = Batches.finished(http, http.postJson("/api/v1/batches", body));
        assertThat(again.get("decided").asInt()).isEqualTo(10_000);
        assertThat(again.get("alreadyDecided").asInt()).isEqualTo(10_000);
        assertThat(outcomes(again)).isEqualTo(outcomes(batch));
        assertThat(countOf(lender, "application")).isEqualTo(10_000);
        assertThat(countOf(lender, "decision")).isEqualTo(10_000);
    }

    /**
     * Batches were read one at a time, so a batch posted while another ran (one resumed at start,
     * or another lender's) waited for it to end: minutes for a large one. Now they run side by side.
     */
    @Test
    void aBatchPostedWhileALargeOneRunsStartsAtOnce() {
        Http large = new Http(port, lenders.newLender().apiKey());
        HttpResponse<String> accepted = large.postJson("/api/v1/batches", tenThousand().toString());
        String largePath = URI.create(accepted.headers().firstValue("Location").orElseThrow()).getPath();
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.json(large.get(largePath)).get("decided").asInt() > 0);

        Http small = new Http(port, lenders.newLender().apiKey());
        JsonNode batch = Batches.finished(small, small.post("/api/v1/batches", "text/csv", Batches.portfolioCsv()));

        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(Http.json(large.get(largePath)).get("status").asText())
                .as("the large batch is still running when the small one posted after it has finished").isEqualTo("RUNNING");
        assertThat(Batches.finished(large, accepted).get("decided").asInt()).isEqualTo(10_000);
    }

    @Test
    void aCsvHeaderNamingAnUnknownFieldFailsTheBatchSayingWhich() {
        Http http = new Http(port, lenders.newLender().apiKey());
        JsonNode batch = Batches.finished(http, http.post("/api/v1/batches", "text/csv",
                "lenderReference,applicant.legalNmae\nX-1,Misspelt CIC\n"));
        assertThat(batch.get("status").asText()).isEqualTo("FAILED");
        assertThat(batch.get("failure").asText()).contains("column 2 \"applicant.legalNmae\"")
                .contains("is not a field of an application");
        assertThat(batch.get("decided").asInt()).isZero();
    }

    @Test
    void anotherLendersBatchIsNotFound() {
        Http http = new Http(port, lenders.newLender().apiKey());
        JsonNode batch = Batches.finished(http, http.postJson("/api/v1/batches", "[]"));
        assertThat(batch.get("totalRows").asInt()).isZero();
        HttpResponse<String> other = new Http(port, lenders.newLender().apiKey()).get("/api/v1/batches/" + batch.get("id").asText());
        assertThat(other.statusCode()).isEqualTo(404);
    }

    private static ArrayNode tenThousand() {
        List<String> files = new ArrayList<>(Examples.expectedOutcomes().keySet());
        ArrayNode array = JSON.createArrayNode();
        try {
            for (int i = 0; i < 10_000; i++) {
                ObjectNode application = (ObjectNode) JSON.readTree(Examples.raw(files.get(i % files.size())));
                application.put("lenderReference", "TENK-" + i);
                array.add(application);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return array;
    }

    private int countOf(TestLenders.TestLender lender, String table) {
        return jdbc.queryForObject("select count(*) from " + table + " where lender_id = ?", Integer.class, lender.id());
    }

    private static Map<Outcome, Integer> outcomes(JsonNode batch) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        batch.get("outcomes").fields().forEachRemaining(e -> counts.put(Outcome.valueOf(e.getKey()), e.getValue().asInt()));
        return counts;
    }

    private static Map<Outcome, Integer> expectedOutcomeCounts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        Examples.expectedOutcomes().values().forEach(o -> counts.merge(Outcome.valueOf(o), 1, Integer::sum));
        return counts;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
