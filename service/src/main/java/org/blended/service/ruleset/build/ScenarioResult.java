package org.blended.service.ruleset.build;

/**
 * The outcome of one Test Scenario of a rule set, run against that rule set's rules: the
 * {@code .scesim} file's name, the scenario's 1-based number in it and its description, and
 * when it failed, why, in plain words (null when it passed).
 */
public record ScenarioResult(String file, int index, String description, boolean passed, String failure) {

    /**
     * A file none of whose scenarios could be run (not a Test Scenario file, or not one this
     * service can run): one failed result for the whole file, numbered 0 as it is no scenario.
     */
    public static ScenarioResult unreadable(String file, String reason) {
        return new ScenarioResult(file, 0, null, false, "The file could not be read as a Test Scenario: " + reason);
    }
}
