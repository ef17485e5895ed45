package org.blended.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The example applications under examples/applications with the outcome each is expected to get. */
public final class Examples {

    public static final Path DIRECTORY = Path.of("..", "examples", "applications");

    private Examples() {
    }

    /** File name to expected outcome, in file-name order. */
    public static Map<String, String> expectedOutcomes() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(DIRECTORY.resolve("expected-outcomes.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> outcomes = new TreeMap<>();
        properties.forEach((file, outcome) -> outcomes.put((String) file, ((String) outcome).trim()));
        return outcomes;
    }

    public static String json(String fileName) {
        try {
            return Files.readString(DIRECTORY.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An example with its lender reference made unique, so that a test finds exactly its own rows. */
    public static String withReference(String fileName, String reference) {
        return json(fileName).replaceFirst("\"lenderReference\"\\s*:\\s*\"[^\"]*\"",
                "\"lenderReference\": \"" + reference + "\"");
    }
}
