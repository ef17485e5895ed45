package org.blended.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Batches posted to the API, followed as a lender's system would follow them. */
public final class Batches {

    /** The fifteen examples as CSV, as the README documents the format. */
    public static final Path PORTFOLIO_CSV = Path.of("..", "examples", "batches", "portfolio.csv");

    private Batches() {
    }

    public static String portfolioCsv() {
        try {
            return Files.readString(PORTFOLIO_CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 202 with a Location, then its progress until the batch is no longer running. */
    public static JsonNode finished(Http http, HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/"));
        JsonNode[] batch = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> {
            batch[0] = Http.json(http.get(path));
            return !List.of("RECEIVED", "RUNNING").contains(batch[0].get("status").asText());
        });
        return batch[0];
    }
}
