package org.blended.service.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
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
 * GET /api/v1/applications over a million applications: fills the PostgreSQL database
 * {@code blended_million} (emptied first) with N applications and their decisions straight in SQL
 * (generate_series; inserts only, so the immutability triggers allow it, and the decision chain is
 * left out, irrelevant to reading), then times each filter's first page and a page deep in the
 * list (through a cursor half-way down), and prints the median of each in milliseconds.
 * <p>
 * Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -pl service exec:exec
 * -Dbenchmark=org.blended.service.benchmark.SearchBenchmark -Dapplications=1000000}.
 */
public final class SearchBenchmark {

    private static final String DATABASE = "blended_million";
    private static final int RUNS = 21;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("applications", 1_000_000);
        String url = BenchmarkDatabase.fresh(DATABASE);
        try (ConfigurableApplicationContext service = BenchmarkDatabase.service(url,
                "--spring.datasource.hikari.data-source-properties.socketTimeout=0", // the fill takes minutes
                "--blended.intake.batch.spool-directory=target/benchmark/search-batches")) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            List<UUID> lenders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                lenders.add(service.getBean(LenderDirectory.class).register("million-" + i, "Benchmark lender " + i).getId());
            }
            String key = service.getBean(ApiKeys.class).issue("benchmark", Role.LENDER, lenders.get(0), "benchmark").secret();
            long started = System.nanoTime();
            MillionRows.fill(jdbc, lenders, n);
            System.out.printf("Filled %,d applications and decisions in %.0f s%n", n, (System.nanoTime() - started) / 1e9);
            String port = service.getEnvironment().getProperty("local.server.port");
            measure(jdbc, lenders.get(0), "http://localhost:" + port + "/api/v1/applications?limit=50", key);
        }
    }

    /** Each filter of the lender with most rows (70%): median first page, and deep page, over {@value #RUNS} calls. */
    private static void measure(JdbcTemplate jdbc, UUID lender, String base, String key) throws Exception {
        String batch = jdbc.queryForObject("select batch_id::text from application where lender_id = ? and batch_id is not null "
                + "limit 1", String.class, lender);
        String reference = jdbc.queryForObject("select lender_reference from application where lender_id = ? "
                + "order by received_at limit 1 offset 1000", String.class, lender);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("(none)", "");
        filters.put("outcome=REFER", "outcome=REFER");
        filters.put("outcome=APPROVE", "outcome=APPROVE");
        filters.put("reviewState=OPEN", "reviewState=OPEN");
        filters.put("reviewState=NONE", "reviewState=NONE");
        filters.put("receivedFrom+To (one week)", "receivedFrom=" + day(jdbc, lender, 0.5) + "&receivedTo=" + day(jdbc, lender, 0.48));
        filters.put("channel=QUEUE", "channel=QUEUE");
        filters.put("batch", "batch=" + batch);
        filters.put("lenderReference", "lenderReference=" + reference);
        filters.put("legalForm=CIO", "legalForm=CIO");
        filters.put("name=pantry", "name=pantry");
        filters.put("name=hydro (rare)", "name=hydro");
        filters.put("outcome=REFER&legalForm=CIC&channel=FILE", "outcome=REFER&legalForm=CIC&channel=FILE");
        System.out.printf("%-45s %10s %10s%n", "filter (limit 50)", "first ms", "deep ms");
        for (var filter : filters.entrySet()) {
            String query = base + (filter.getValue().isEmpty() ? "" : "&" + filter.getValue());
            String deep = deepCursor(jdbc, lender, query, key);
            System.out.printf("%-45s %10.1f %10s%n", filter.getKey(), median(query, key),
                    deep == null ? "-" : String.format("%.1f", median(query + "&after=" + deep, key)));
        }
    }

    /**
     * A cursor half-way down the lender's whole list (so deep for every filter that keeps rows there):
     * the list's own cursor form, received time and id, made here from the row at that place.
     */
    private static String deepCursor(JdbcTemplate jdbc, UUID lender, String query, String key) throws Exception {
        if (!get(query, key).contains("\"next\"")) {
            return null; // one page holds all of it: no deep page
        }
        var row = jdbc.queryForMap("select received_at, id from application where lender_id = ? "
                + "order by received_at desc, id desc limit 1 offset (select count(*) / 2 from application where lender_id = ?)",
                lender, lender);
        String cursor = ((Timestamp) row.get("received_at")).toInstant() + "|" + row.get("id");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    /** A date a fraction of the way back through the lender's list. */
    private static String day(JdbcTemplate jdbc, UUID lender, double back) {
        return jdbc.queryForObject("select (min(received_at) + (max(received_at) - min(received_at)) * ?)::date::text "
                + "from application where lender_id = ?", String.class, 1 - back, lender);
    }

    private static double median(String query, String key) throws Exception {
        for (int i = 0; i < 3; i++) {
            get(query, key);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            get(query, key);
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    private static String get(String query, String key) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(query)).header("X-API-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
