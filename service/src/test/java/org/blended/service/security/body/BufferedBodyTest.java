package org.blended.service.security.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A received body is kept whole, in memory or past the threshold in a file, and every byte it held is given back. */
class BufferedBodyTest {

    @TempDir
    Path folder;

    @Test
    void aSmallBodyStaysInMemory() throws IOException {
        BodyBudget budget = new BodyBudget(1_000);
        BufferedBody body = new BufferedBody(-1, 100, folder, budget);
        byte[] bytes = bytes(60);

        assertThat(body.append(bytes, 0, 30)).isTrue();
        assertThat(body.append(bytes, 30, 30)).isTrue();
        body.finish();

        assertThat(read(body)).isEqualTo(bytes);
        assertThat(files()).isEmpty();
        body.discard();
        assertThat(budget.held()).isZero();
    }

    @Test
    void aBodyPastTheThresholdMovesToAFileDeletedOnDiscard() throws IOException {
        BodyBudget budget = new BodyBudget(1_000_000);
        BufferedBody body = new BufferedBody(300_000, 1_000, folder, budget);
        byte[] bytes = bytes(300_000);

        for (int offset = 0; offset < bytes.length; offset += 16_384) {
            assertThat(body.append(bytes, offset, Math.min(16_384, bytes.length - offset))).isTrue();
        }
        body.finish();

        assertThat(read(body)).isEqualTo(bytes);
        assertThat(files()).hasSize(1);
        assertThat(budget.held()).isEqualTo(300_000);
        body.discard();
        body.discard();
        assertThat(files()).isEmpty();
        assertThat(budget.held()).isZero();
    }

    @Test
    void bytesPastTheSharedBudgetAreRefusedAndNothingIsTakenForThem() throws IOException {
        BodyBudget budget = new BodyBudget(100);
        BufferedBody first = new BufferedBody(-1, 1_000, folder, budget);
        BufferedBody second = new BufferedBody(-1, 1_000, folder, budget);

        assertThat(first.append(bytes(80), 0, 80)).isTrue();
        assertThat(second.append(bytes(30), 0, 30)).isFalse();
        assertThat(budget.held()).isEqualTo(80);
        first.discard();
        assertThat(second.append(bytes(30), 0, 30)).isTrue();
    }

    private java.util.List<Path> files() throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static byte[] read(BufferedBody body) throws IOException {
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        new Random(count).nextBytes(bytes);
        return bytes;
    }
}
