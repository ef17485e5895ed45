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

    /**
     * An example as a new application: its lender reference gets a unique suffix, since the
     * service answers a reference it has decided before with that first decision.
     */
    public static String json(String fileName) {
        return withReference(fileName, reference(fileName) + "-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    /** The example file exactly as it is. */
    public static String raw(String fileName) {
        try {
            return Files.readString(DIRECTORY.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reference(String fileName) {
        var matcher = java.util.regex.Pattern.compile("\"lenderReference\"\\s*:\\s*\"([^\"]*)\"").matcher(raw(fileName));
        return matcher.find() ? matcher.group(1) : "EX";
    }

    /** An example with its lender reference made unique, so that a test finds exactly its own rows. */
    public static String withReference(String fileName, String reference) {
        return raw(fileName).replaceFirst("\"lenderReference\"\\s*:\\s*\"[^\"]*\"",
                "\"lenderReference\": \"" + reference + "\"");
    }
}
