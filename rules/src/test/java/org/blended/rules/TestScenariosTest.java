package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;

class TestScenariosTest {

    @Test
    void everyTestScenarioPasses() {
        Result result = new JUnitCore().run(TestScenarios.class);

        String failures = result.getFailures().stream()
                .map(f -> f.getDescription().getDisplayName() + ": " + f.getMessage())
                .collect(Collectors.joining("\n"));
        assertThat(result.getRunCount()).as("scenarios run").isGreaterThanOrEqualTo(70);
        assertThat(result.wasSuccessful()).as(failures).isTrue();
    }
}
