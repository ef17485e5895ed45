package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.runner.Description;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.RunListener;

class TestScenariosTest {

    @Test
    void everyTestScenarioPasses() throws IOException {
        Set<String> started = new ConcurrentSkipListSet<>();
        JUnitCore junit = new JUnitCore();
        junit.addListener(new RunListener() {
            @Override
            public void testStarted(Description description) {
                started.add(description.getDisplayName());
            }
        });
        Result result = junit.run(TestScenarios.class);

        String failures = result.getFailures().stream()
                .map(f -> f.getDescription().getDisplayName() + ": " + f.getMessage())
                .collect(Collectors.joining("\n"));
        // 91 before ScenarioAdditions gave the table rows no scenario fired scenarios of their own: none may be lost
        assertThat(result.getRunCount()).as("scenarios run").isGreaterThanOrEqualTo(126);
        assertThat(result.wasSuccessful()).as(failures).isTrue();
        for (String file : scesimFiles()) {
            assertThat(started).as("scenarios of " + file + " ran").anyMatch(name -> name.endsWith("(" + file + ")"));
        }
    }

    /** The names (without extension) of every .scesim file in the test resources. */
    private static List<String> scesimFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".scesim"))
                    .map(n -> n.substring(0, n.length() - ".scesim".length())).sorted().toList();
            assertThat(names).as("Test Scenario files").hasSizeGreaterThanOrEqualTo(4);
            return names;
        }
    }
}
