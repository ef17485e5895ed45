package org.blended.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;

/** The example applications under examples/applications, read once. */
final class ExampleMix {

    private ExampleMix() {
    }

    static List<Application> load() {
        Path folder = Path.of(System.getProperty("blended.examples", "examples/applications"));
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return json.readValue(p.toFile(), Application.class);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No examples in " + folder.toAbsolutePath() + "; run from the repository root", e);
        }
    }
}
