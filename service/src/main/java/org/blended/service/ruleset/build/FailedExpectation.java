package org.blended.service.ruleset.build;

/**
 * One expected value a failed Test Scenario did not meet: the cell's fact and column (as stored),
 * the column as the scenario editor heads it ("Assessment / outcome"), the value expected and the
 * value the rules gave, each as the file holds it ({@code expected}, {@code actual}) and in words
 * ({@code shownExpected}, {@code shownActual}). {@code actual} is null when the rules' value cannot be
 * written back as a value (then {@code problem} says why), so it cannot be accepted.
 */
public record FailedExpectation(String fact, String column, String checks, String expected, String actual,
                                String shownExpected, String shownActual, String problem) {

    public boolean acceptable() {
        return actual != null;
    }
}
