package org.blended.service.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.blended.service.Batches;
import org.blended.service.Examples;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** GET /api/v1/batches/{id}/results: every stored row of a batch, as JSON or CSV, to its own lender only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
class BatchResultsTest {

    @Autowired
    TestLenders lenders;

    @LocalServerPort
    int port;

    @Test
    void eachRowHasItsApplicationAndOutcomeOrItsRejectionInRowOrder() {
        Http http = new Http(port, lenders.newLender().apiKey());
        JsonNode batch = postPortfolioWithABadAndARepeatedRow(http);

        JsonNode results = Http.json(http.get("/api/v1/batches/" + batch.get("id").asText() + "/results"));

        List<String> outcomes = List.copyOf(Examples.expectedOutcomes().values());
        assertThat(results).hasSize(16); // the repeated reference (row 17) stored nothing of its own
        List<Integer> rows = new ArrayList<>();
        results.forEach(r -> rows.add(r.get("row").asInt()));
        assertThat(rows).isSorted().containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 16).boxed().toList());
        JsonNode first = results.get(0);
        assertThat(first.get("lenderReference").asText()).isEqualTo("GF-2026-0209");
        assertThat(first.get("applicationId").asText()).hasSize(36);
        assertThat(first.has("rejection")).isFalse();
        assertThat(results.findValuesAsText("outcome")).hasSize(15).containsExactlyInAnyOrderElementsOf(outcomes);
        JsonNode refused = results.get(15);
        assertThat(refused.has("applicationId")).isFalse();
        assertThat(refused.get("rejection").asText()).contains("row 16 has 3 cells");
    }

    @Test
    void csvHasTheSameRowsOneALine() {
        Http http = new Http(port, lenders.newLender().apiKey());
        String id = postPortfolioWithABadAndARepeatedRow(http).get("id").asText();
        JsonNode json = Http.json(http.get("/api/v1/batches/" + id + "/results"));

        HttpResponse<String> csv = http.send(http.request("/api/v1/batches/" + id + "/results").header("Accept", "text/csv").GET());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("row,lenderReference,applicationId,outcome,rejection");
        assertThat(lines).hasSize(17);
        JsonNode first = json.get(0);
        assertThat(lines.get(1)).isEqualTo("1," + first.get("lenderReference").asText() + ","
                + first.get("applicationId").asText() + "," + first.get("outcome").asText() + ",");
        assertThat(lines.get(16)).startsWith("16,,,,").contains("row 16 has 3 cells");
    }

    @Test
    void anotherLendersOrNoBatchIsNotFound() {
        Http http = new Http(port, lenders.newLender().apiKey());
        String id = Batches.finished(http, http.post("/api/v1/batches", "text/csv", Batches.portfolioCsv())).get("id").asText();
        Http other = new Http(port, lenders.newLender().apiKey());
        assertThat(other.get("/api/v1/batches/" + id + "/results").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/batches/" + java.util.UUID.randomUUID() + "/results").statusCode()).isEqualTo(404);
    }

    /** The fifteen examples, then a row of too few cells (16), then the first row again (17). */
    private static JsonNode postPortfolioWithABadAndARepeatedRow(Http http) {
        String csv = Batches.portfolioCsv().stripTrailing();
        String firstRow = csv.lines().skip(1).findFirst().orElseThrow();
        JsonNode batch = Batches.finished(http, http.post("/api/v1/batches", "text/csv",
                csv + "\nBAD-ROW,Only three cells,CIC\n" + firstRow + "\n"));
        assertThat(batch.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(batch.get("alreadyDecided").asInt()).isEqualTo(1);
        return batch;
    }
}
