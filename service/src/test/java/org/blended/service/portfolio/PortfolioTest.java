package org.blended.service.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.blended.service.Http;
import org.blended.service.TestLenders;
import org.blended.service.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A lender's every example decided through the API and one referral approved by a person; the
 * portfolio's figures, its funder report in three formats and its fairness checks are checked
 * against the stored decisions themselves, and another lender's applications never appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PortfolioTest.SETTINGS)
@ActiveProfiles({"postgres", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioTest {

    /** Small groups count here (15 applications), and the gauge is worked out every second. */
    static final String SETTINGS = "blended.portfolio.fairness.minimum-applications=2\n"
            + "blended.portfolio.fairness.gauge-first-delay=PT1S\nblended.portfolio.fairness.gauge-refresh=PT1S";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> APPROVED = List.of("APPROVE", "APPROVE_WITH_CONDITIONS");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ExamplePortfolio examples;
    @Autowired
    TestLenders lenders;
    @Autowired
    JdbcTemplate jdbc;

    ExamplePortfolio.Stored stored;
    Http api;

    @BeforeAll
    void storeExamples() {
        stored = examples.store(port);
        api = new Http(port, stored.lender().apiKey());
    }

    @Test
    void theSummaryIsTheStoredDecisionsAddedUp() throws Exception {
        JsonNode summary = ok(api.get("/api/v1/portfolio/summary"));
        YearMonth now = YearMonth.now(ZoneId.of("Europe/London"));
        assertThat(summary.at("/scope/lender").asText()).isEqualTo(stored.lender().code());
        assertThat(summary.get("months")).hasSize(12);
        assertThat(summary.at("/months/11/month").asText()).isEqualTo(now.toString());

        Map<String, long[]> automated = byOutcome("d.outcome");
        Map<String, long[]> finals = byOutcome("coalesce(f.outcome, d.outcome)");
        JsonNode total = summary.get("total");
        assertThat(total.get("applications").asLong()).isEqualTo(15);
        assertThat(total.get("amount").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(
                automated.values().stream().mapToLong(f -> f[1]).sum()));
        for (JsonNode o : summary.get("byAutomatedOutcome")) {
            assertThat(o.get("applications").asLong()).as(o.toString()).isEqualTo(automated.get(o.get("outcome").asText())[0]);
            assertThat(o.get("amount").longValue()).as(o.toString()).isEqualTo(automated.get(o.get("outcome").asText())[1]);
        }
        assertThat(summary.get("byAutomatedOutcome")).hasSize(automated.size());
        for (JsonNode o : summary.get("byFinalOutcome")) {
            assertThat(o.get("applications").asLong()).as(o.toString()).isEqualTo(finals.get(o.get("outcome").asText())[0]);
        }
        long approvedByRules = APPROVED.stream().mapToLong(o -> automated.getOrDefault(o, new long[2])[0]).sum();
        assertThat(total.get("automatedApproved").asLong()).isEqualTo(approvedByRules);
        assertThat(total.get("finalApproved").asLong()).as("the person's approval counts in the end").isEqualTo(approvedByRules + 1);
        assertThat(total.get("awaitingPerson").asLong()).isEqualTo(finals.get("REFER")[0]);
        assertThat(total.get("finalApprovalRate").asDouble()).isCloseTo((approvedByRules + 1) / 15.0, within(1e-9));
        assertThat(summary.at("/months/11/figures")).isEqualTo(total);

        // Each claim's value is the rules' own: the valued claims of a decision add up to its social value in money
        List<Map<String, Object>> valued = jdbc.queryForList("""
                select d.social_value_gbp, (select sum(c.gbp) from decision_claim c where c.application_id = d.application_id) claims
                from decision d where d.lender_id = ? and d.social_value_gbp > 0""", stored.lender().id());
        assertThat(valued).as("some example is valued in money").isNotEmpty();
        valued.forEach(v -> assertThat((BigDecimal) v.get("claims")).as(v.toString())
                .isEqualByComparingTo((BigDecimal) v.get("social_value_gbp")));

        // Net counted claims of what was approved in the end, by measure
        Map<String, Double> net = new HashMap<>();
        jdbc.query("""
                select c.measure, sum(c.net) from decision_claim c join decision d on d.application_id = c.application_id
                left join final_decision f on f.decision_id = d.id
                where d.lender_id = ? and coalesce(f.outcome, d.outcome) in ('APPROVE', 'APPROVE_WITH_CONDITIONS')
                group by c.measure""", rs -> {
            net.put(rs.getString(1), rs.getDouble(2));
        }, stored.lender().id());
        assertThat(summary.get("measures")).hasSize(net.size());
        for (JsonNode m : summary.get("measures")) {
            assertThat(m.get("net").asDouble()).as(m.toString()).isCloseTo(net.get(m.get("measure").asText()), within(0.01));
        }
        BigDecimal valuedGbp = jdbc.queryForObject("""
                select coalesce(sum(c.gbp), 0) from decision_claim c join decision d on d.application_id = c.application_id
                left join final_decision f on f.decision_id = d.id
                where d.lender_id = ? and coalesce(f.outcome, d.outcome) in ('APPROVE', 'APPROVE_WITH_CONDITIONS')""",
                BigDecimal.class, stored.lender().id());
        assertThat(summary.get("valuedGbp").decimalValue()).isEqualByComparingTo(valuedGbp);

        // The Outcomes Matrix from the applications as submitted
        Map<String, long[]> cells = new HashMap<>();
        for (Map<String, Object> row : approvedApplications()) {
            JsonNode impact = JSON.readTree((String) row.get("payload")).get("impact");
            for (JsonNode area : impact.get("outcomeAreas")) {
                for (JsonNode group : impact.get("beneficiaryGroups")) {
                    long[] cell = cells.computeIfAbsent(area.asText() + "/" + group.asText(), k -> new long[2]);
                    cell[0]++;
                    cell[1] += ((BigDecimal) row.get("amount")).longValue();
                }
            }
        }
        JsonNode matrix = summary.get("matrix");
        assertThat(matrix.get("cells")).hasSize(cells.size());
        for (JsonNode cell : matrix.get("cells")) {
            long[] expected = cells.get(cell.get("area").asText() + "/" + cell.get("group").asText());
            assertThat(cell.get("applications").asLong()).as(cell.toString()).isEqualTo(expected[0]);
            assertThat(cell.get("amount").longValue()).as(cell.toString()).isEqualTo(expected[1]);
        }
    }

    @Test
    void theFunderReportHasEveryApprovedApplicationOfTheLenderAndNoOtherWithTotals() throws Exception {
        List<Map<String, Object>> approved = approvedApplications();
        Set<String> references = new HashSet<>();
        approved.forEach(a -> references.add((String) a.get("lender_reference")));
        BigDecimal amount = approved.stream().map(a -> (BigDecimal) a.get("amount")).reduce(BigDecimal.ZERO, BigDecimal::add);
        Set<String> otherReferences = new HashSet<>(jdbc.queryForList(
                "select lender_reference from application where lender_id = ?", String.class, stored.other().id()));

        HttpResponse<byte[]> csvResponse = download("/api/v1/portfolio/funder-report", "text/csv", stored.lender().apiKey());
        assertThat(csvResponse.statusCode()).isEqualTo(200);
        assertThat(csvResponse.headers().firstValue("Content-Disposition").orElse(""))
                .contains("funder-report-" + stored.lender().code());
        String csv = new String(csvResponse.body(), java.nio.charset.StandardCharsets.UTF_8);
        List<List<String>> rows = SimpleCsv.read(csv);
        List<String> header = rows.get(0);
        List<List<String>> applications = rows.stream().filter(r -> r.get(0).equals("application")).toList();
        assertThat(applications).hasSize(approved.size());
        int reference = header.indexOf("reference");
        assertThat(applications.stream().map(r -> r.get(reference)).toList()).containsExactlyInAnyOrderElementsOf(references)
                .doesNotContainAnyElementsOf(otherReferences);
        List<String> total = rows.stream().filter(r -> r.get(0).equals("total")).findFirst().orElseThrow();
        assertThat(new BigDecimal(total.get(header.indexOf("amount_gbp")))).isEqualByComparingTo(amount);
        assertThat(total.get(reference)).isEqualTo(approved.size() + " applications");
        double jobs = jdbc.queryForObject("""
                select coalesce(sum(c.net), 0) from decision_claim c join decision d on d.application_id = c.application_id
                left join final_decision f on f.decision_id = d.id
                where d.lender_id = ? and c.measure = 'JOBS_CREATED'
                  and coalesce(f.outcome, d.outcome) in ('APPROVE', 'APPROVE_WITH_CONDITIONS')""", Double.class,
                stored.lender().id());
        assertThat(Double.parseDouble(total.get(header.indexOf("net_jobs_created (FTE)")))).isCloseTo(jobs, within(0.01));
        assertThat(csv).contains("IRIS+ PI3687").contains("PI5691");
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("notes");
        assertThat(download("/api/v1/portfolio/funder-report", "text/csv", stored.lender().apiKey()).body())
                .as("the same period gives the same file").isEqualTo(csvResponse.body());

        HttpResponse<byte[]> xlsx = download("/api/v1/portfolio/funder-report", XLSX, stored.lender().apiKey());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Approved applications");
            assertThat(sheet.getLastRowNum()).isEqualTo(approved.size() + 1);
            Row last = sheet.getRow(sheet.getLastRowNum());
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("total");
            assertThat(last.getCell(header.indexOf("amount_gbp")).getNumericCellValue()).isEqualTo(amount.doubleValue());
            for (int i = 1; i <= approved.size(); i++) {
                assertThat(references).contains(sheet.getRow(i).getCell(reference).getStringCellValue());
            }
        }

        JsonNode json = ok(api.get("/api/v1/portfolio/funder-report"));
        assertThat(json.get("rows")).hasSize(approved.size());
        assertThat(json.at("/totals/amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(json.at("/rows/0/claims")).isNotNull();

        // The other lender's export holds its own two only; it may not name this lender
        String otherCsv = new String(download("/api/v1/portfolio/funder-report", "text/csv", stored.other().apiKey()).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(SimpleCsv.read(otherCsv).stream().filter(r -> r.get(0).equals("application")).map(r -> r.get(reference)))
                .hasSize(2).doesNotContainAnyElementsOf(references);
        Http other = new Http(port, stored.other().apiKey());
        assertThat(other.get("/api/v1/portfolio/funder-report?lender=" + stored.lender().code()).statusCode()).isEqualTo(403);
        assertThat(other.get("/api/v1/portfolio/summary?lender=" + stored.lender().code()).statusCode()).isEqualTo(403);
        assertThat(other.get("/api/v1/portfolio/summary?from=2026-13").statusCode()).isEqualTo(400);

        // An admin reads any lender's; a policy owner's key is not for portfolios
        Http admin = api.as(lenders.keyFor(Role.ADMIN));
        assertThat(ok(admin.get("/api/v1/portfolio/summary?lender=" + stored.lender().code())).get("total"))
                .isEqualTo(ok(api.get("/api/v1/portfolio/summary")).get("total"));
        assertThat(ok(admin.get("/api/v1/portfolio/summary")).at("/total/applications").asLong()).isGreaterThanOrEqualTo(17);
        assertThat(api.as(lenders.keyFor(Role.POLICY_OWNER)).get("/api/v1/portfolio/summary").statusCode()).isEqualTo(403);
        assertThat(new Http(port).get("/api/v1/portfolio/summary").statusCode()).isEqualTo(401);
    }

    @Test
    void fairnessCountsEachKindOfApplicantAndFlagsLowRatesInTheGauge() {
        JsonNode report = ok(api.get("/api/v1/portfolio/fairness"));
        double overall = report.at("/overall/automatedRate").asDouble();
        assertThat(report.at("/overall/applications").asLong()).isEqualTo(15);
        Map<String, long[]> byForm = new HashMap<>();
        jdbc.query("""
                select a.legal_form, count(*), sum(case when d.outcome in ('APPROVE', 'APPROVE_WITH_CONDITIONS') then 1 else 0 end)
                from decision d join application a on a.id = d.application_id where d.lender_id = ? group by a.legal_form""",
                rs -> {
                    byForm.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, stored.lender().id());
        JsonNode forms = null;
        for (JsonNode b : report.get("breakdowns")) {
            if (b.get("dimension").asText().equals("LEGAL_FORM")) {
                forms = b.get("groups");
            }
        }
        assertThat(forms).hasSize(byForm.size());
        Set<String> flagged = new HashSet<>();
        for (JsonNode g : forms) {
            long[] expected = byForm.get(g.get("group").asText());
            assertThat(g.at("/rates/applications").asLong()).as(g.toString()).isEqualTo(expected[0]);
            assertThat(g.at("/rates/automatedApproved").asLong()).as(g.toString()).isEqualTo(expected[1]);
            boolean low = expected[0] >= 2 && (double) expected[1] / expected[0] < 0.8 * overall;
            assertThat(g.get("automatedFlagged").asBoolean()).as(g.toString()).isEqualTo(low);
            if (low) {
                flagged.add(g.get("group").asText());
            }
        }
        assertThat(flagged).as("the examples' declined sole trader and partnership... some form is flagged").isNotEmpty();
        assertThat(report.get("breakdowns")).extracting(b -> b.get("dimension").asText())
                .containsExactly("LEGAL_FORM", "SIZE_BAND", "REGION", "DEPRIVATION", "RULE_SET_VERSION");

        Http admin = api.as(lenders.keyFor(Role.ADMIN));
        String series = "lender=\"" + stored.lender().code() + "\"";
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = admin.get("/actuator/prometheus").body();
            for (String form : flagged) {
                assertThat(metrics).containsPattern("blended_portfolio_fairness_flagged\\{[^}]*basis=\"automated\""
                        + "[^}]*group=\"" + form + "\"[^}]*" + java.util.regex.Pattern.quote(series));
            }
        });
    }

    private List<Map<String, Object>> approvedApplications() {
        return jdbc.queryForList("""
                select a.lender_reference, a.amount, a.payload from application a join decision d on d.application_id = a.id
                left join final_decision f on f.decision_id = d.id
                where a.lender_id = ? and coalesce(f.outcome, d.outcome) in ('APPROVE', 'APPROVE_WITH_CONDITIONS')""",
                stored.lender().id());
    }

    /** Outcome to {applications, amount} of the lender's decisions. */
    private Map<String, long[]> byOutcome(String outcome) {
        Map<String, long[]> figures = new HashMap<>();
        jdbc.query("select " + outcome + ", count(*), sum(a.amount) from decision d join application a on a.id = d.application_id "
                + "left join final_decision f on f.decision_id = d.id where d.lender_id = ? group by " + outcome, rs -> {
            figures.put(rs.getString(1), new long[] {rs.getLong(2), rs.getBigDecimal(3).longValueExact()});
        }, stored.lender().id());
        return figures;
    }

    private HttpResponse<byte[]> download(String path, String accept, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", key).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }
}
