package org.blended.service.benchmark;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.blended.service.lender.LenderDirectory;
import org.blended.service.security.ApiKeys;
import org.blended.service.security.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portfolio over a million decisions: fills the PostgreSQL database {@code blended_portfolio_million}
 * (emptied first) with N applications and decisions (MillionRows) and the portfolio's rows, claims,
 * reasons and counters (PortfolioRows), then times through HTTP each summary query of the largest
 * lender (70%) and of every lender (an admin's), the same figures added up from the decisions without
 * the counters for comparison, and a full year's funder report in CSV, xlsx and JSON, streamed and
 * thrown away. Prints the median of {@value #RUNS} calls (after two warm-ups) in milliseconds.
 * <p>
 * Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl service exec:exec
 * -Dbenchmark=org.blended.service.benchmark.PortfolioBenchmark -Dapplications=1000000}.
 */
public final class PortfolioBenchmark {

    private static final String DATABASE = "blended_portfolio_million";
    private static final int RUNS = 7;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("applications", 1_000_000);
        // -Dreuse=true keeps a database an earlier run filled (and fills only what it lacks)
        String url = Boolean.getBoolean("reuse") ? BenchmarkDatabase.SERVER + DATABASE + "?reWriteBatchedInserts=true"
                : BenchmarkDatabase.fresh(DATABASE);
        try (ConfigurableApplicationContext service = BenchmarkDatabase.service(url,
                "--spring.datasource.hikari.data-source-properties.socketTimeout=0", // the fill takes minutes
                "--blended.portfolio.fairness.gauge-first-delay=PT10000H", // the gauge's work is not what is timed
                "--blended.intake.batch.spool-directory=target/benchmark/portfolio-batches")) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            List<UUID> lenders = new ArrayList<>();
            LenderDirectory directory = service.getBean(LenderDirectory.class);
            for (int i = 0; i < 4; i++) {
                String code = "million-" + i;
                lenders.add(directory.byCode(code).orElseGet(() -> directory.register(code, "Benchmark lender")).getId());
            }
            ApiKeys keys = service.getBean(ApiKeys.class);
            String lenderKey = keys.issue("benchmark", Role.LENDER, lenders.get(0), "benchmark").secret();
            String adminKey = keys.issue("benchmark admin", Role.ADMIN, null, "benchmark").secret();
            long started = System.nanoTime();
            if (jdbc.queryForObject("select count(*) from decision", Long.class) < n) {
                MillionRows.fill(jdbc, lenders, n);
            }
            System.out.printf("Filled %,d applications and decisions in %.0f s%n", n, (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            PortfolioRows.fill(jdbc);
            System.out.printf("Filled the portfolio's rows, claims, reasons and counters in %.0f s: %,d counter rows, "
                            + "%,d measure rows, %,d claims%n", (System.nanoTime() - started) / 1e9,
                    jdbc.queryForObject("select count(*) from portfolio_tally", Long.class),
                    jdbc.queryForObject("select count(*) from portfolio_measure", Long.class),
                    jdbc.queryForObject("select count(*) from decision_claim", Long.class));

            // MillionRows spreads a year back from 2026-11-01: the year to October 2026 holds nearly all of it
            String year = "from=2025-11&to=2026-10";
            String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port") + "/api/v1/portfolio";
            System.out.printf("lender million-0: %,d decisions; every lender: %,d%n",
                    jdbc.queryForObject("select count(*) from decision where lender_id = ?", Long.class, lenders.get(0)),
                    jdbc.queryForObject("select count(*) from decision", Long.class));
            Map<String, String[]> queries = new LinkedHashMap<>();
            queries.put("summary, one lender, 12 months", new String[] {base + "/summary?" + year, lenderKey});
            queries.put("summary, one lender, 1 month", new String[] {base + "/summary?from=2026-06&to=2026-06", lenderKey});
            queries.put("summary, one lender, one version", new String[] {base + "/summary?" + year + "&ruleSetVersion=rule-set-2", lenderKey});
            queries.put("fairness, one lender, 12 months", new String[] {base + "/fairness?" + year, lenderKey});
            queries.put("summary, every lender (admin)", new String[] {base + "/summary?" + year, adminKey});
            queries.put("fairness, every lender (admin)", new String[] {base + "/fairness?" + year, adminKey});
            System.out.printf("%-52s %12s%n", "summary query (HTTP, JSON)", "median ms");
            for (var q : queries.entrySet()) {
                System.out.printf("%-52s %12.1f%n", q.getKey(), median(q.getValue()[0], q.getValue()[1], "application/json"));
            }
            withoutCounters(jdbc, lenders.get(0));
            export(base + "/funder-report?" + year, lenderKey);
        }
    }

    /** The summary's first figures added up from the decisions themselves, as a view would without counters. */
    private static void withoutCounters(JdbcTemplate jdbc, UUID lender) {
        String sql = "select decided_month, automated_outcome, final_outcome, count(*), sum(amount) from portfolio_decision "
                + "where lender_id = ? and decided_month between '2025-11-01' and '2026-10-01' group by 1, 2, 3";
        double[] ms = new double[RUNS];
        for (int i = -2; i < RUNS; i++) {
            long started = System.nanoTime();
            jdbc.queryForList(sql, lender);
            if (i >= 0) {
                ms[i] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf("%-52s %12.1f%n", "(for comparison: outcomes per month, no counters, SQL)", ms[RUNS / 2]);
    }

    /** A year's funder report of the largest lender in each format, read to the end and thrown away. */
    private static void export(String query, String key) throws Exception {
        System.out.printf("%-52s %12s %10s %12s%n", "full-year funder report (HTTP, streamed)", "seconds", "rows", "bytes");
        for (String accept : List.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/json")) {
            long started = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(query)).header("X-API-Key", key)
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = response.body()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    bytes += read;
                    for (int i = 0; i < read; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query + " answered " + response.statusCode());
            }
            System.out.printf("%-52s %12.1f %10s %,12d%n", accept.startsWith("text") ? "CSV" : accept.endsWith("json") ? "JSON"
                    : "xlsx", (System.nanoTime() - started) / 1e9, accept.startsWith("text") ? String.format("%,d", lines - 3) : "",
                    bytes);
        }
    }

    private static double median(String query, String key, String accept) throws Exception {
        double[] ms = new double[RUNS];
        for (int i = -2; i < RUNS; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(query)).header("X-API-Key", key)
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }
}
