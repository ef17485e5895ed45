package org.blended.integration.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BatchRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJsonArrayIsReadOneApplicationAtATimeInChunks() throws IOException {
        BatchRows rows = read("[{\"lenderReference\":\"A\"},{\"lenderReference\":\"B\"},{\"lenderReference\":\"C\"}]",
                BatchFormat.JSON, 2, 0);
        List<List<BatchRow>> chunks = drain(rows);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).extracting(BatchRow::row).containsExactly(1, 2);
        assertThat(JSON.readTree(chunks.get(1).get(0).payload()).get("lenderReference").asText()).isEqualTo("C");
        assertThat(rows.rowsRead()).isEqualTo(3);
        assertThat(rows.bytesRead()).as("the whole file, for progress").isEqualTo(
                "[{\"lenderReference\":\"A\"},{\"lenderReference\":\"B\"},{\"lenderReference\":\"C\"}]".length());
    }

    @Test
    void aResumedBatchReadsPastTheRowsAlreadyHandled() throws IOException {
        BatchRows rows = read("[{\"n\":1},{\"n\":2},{\"n\":3}]", BatchFormat.JSON, 10, 2);
        List<List<BatchRow>> chunks = drain(rows);
        assertThat(chunks).singleElement().satisfies(chunk -> assertThat(chunk).extracting(BatchRow::row).containsExactly(3));
    }

    @Test
    void brokenJsonStopsTheBatchNamingTheApplicationWhereItBroke() throws IOException {
        BatchRows rows = read("[{\"n\":1},{\"n\": oops}]", BatchFormat.JSON, 1, 0);
        rows.next();
        assertThatThrownBy(rows::next).isInstanceOf(UnreadableBatchException.class)
                .hasMessageContaining("application 2 is not valid JSON");
    }

    @Test
    void somethingOtherThanAnArrayIsRefused() {
        assertThatThrownBy(() -> read("{\"lenderReference\":\"A\"}", BatchFormat.JSON, 1, 0))
                .isInstanceOf(UnreadableBatchException.class).hasMessageContaining("must be an array");
    }

    @Test
    void csvCellsGoWhereTheirHeaderSaysListsAndIndexedGroupsIncluded() throws IOException {
        String csv = """
                lenderReference,request.amount,impact.outcomeAreas,impact.claims[0].measure,impact.claims[0].value,impact.claims[1].measure,applicant.postcodesServed
                R-1,60000,EMPLOYMENT_EDUCATION_TRAINING;HOUSING_LOCAL_FACILITIES,JOBS_CREATED,3,,
                """;
        BatchRow row = drain(read(csv, BatchFormat.CSV, 10, 0)).get(0).get(0);
        JsonNode application = JSON.readTree(row.payload());
        assertThat(application.get("lenderReference").asText()).isEqualTo("R-1");
        assertThat(application.at("/request/amount").asText()).isEqualTo("60000");
        assertThat(application.at("/impact/outcomeAreas")).hasSize(2);
        assertThat(application.at("/impact/outcomeAreas/1").asText()).isEqualTo("HOUSING_LOCAL_FACILITIES");
        assertThat(application.at("/impact/claims")).hasSize(1); // the empty second claim is left out
        assertThat(application.at("/impact/claims/0/value").asText()).isEqualTo("3");
        assertThat(application.at("/applicant").isMissingNode()).isTrue(); // empty cells are absent fields
    }

    @Test
    void aCsvRowWithTheWrongNumberOfCellsIsUnreadableButTheNextRowsAreRead() throws IOException {
        List<BatchRow> rows = drain(read("lenderReference,request.amount\nA,1\nB\nC,3\n", BatchFormat.CSV, 10, 0)).get(0);
        assertThat(rows).extracting(BatchRow::readable).containsExactly(true, false, true);
        assertThat(rows.get(1).unreadable().get(0).message()).isEqualTo("row 2 has 1 cells but the header names 2 columns");
    }

    @Test
    void aCsvHeaderIsCheckedAgainstTheApplicationBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> read("lenderReference,applicant.legalNmae,impact.claims.measure,request\nX,Y,Z,W\n",
                BatchFormat.CSV, 10, 0))
                .isInstanceOf(UnreadableBatchException.class)
                .hasMessageContaining("column 2 \"applicant.legalNmae\" is not a field of an application")
                .hasMessageContaining("column 3 \"impact.claims.measure\" needs an index, like claims[0]")
                .hasMessageContaining("column 4 \"request\" names a group of fields");
    }

    @Test
    void aHundredThousandRowsAreStreamedNotHeldWhole() throws IOException {
        int total = 100_000;
        Enumeration<InputStream> lines = new Enumeration<>() {
            int next = -1;

            public boolean hasMoreElements() {
                return next < total;
            }

            public InputStream nextElement() {
                String line = next < 0 ? "lenderReference,request.amount\n" : "R-" + next + ",1000\n";
                next++;
                return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
            }
        };
        BatchRows rows = BatchRows.read(new SequenceInputStream(lines), BatchFormat.CSV, JSON, 100, 0);
        int chunks = 0;
        while (rows.hasNext()) {
            assertThat(rows.next()).hasSizeLessThanOrEqualTo(100);
            chunks++;
        }
        assertThat(chunks).isEqualTo(1_000);
        assertThat(rows.rowsRead()).isEqualTo(total);
    }

    private static BatchRows read(String content, BatchFormat format, int chunkSize, int skip) throws IOException {
        return BatchRows.read(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), format, JSON, chunkSize, skip);
    }

    private static List<List<BatchRow>> drain(BatchRows rows) {
        List<List<BatchRow>> chunks = new ArrayList<>();
        rows.forEachRemaining(chunks::add);
        return chunks;
    }
}
