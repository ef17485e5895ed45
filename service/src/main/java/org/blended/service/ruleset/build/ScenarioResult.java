package org.blended.service.ruleset.build;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome of one Test Scenario of a rule set, run against that rule set's rules: the
 * {@code .scesim} file's name, the scenario's 1-based number in it and its description, and
 * when it failed, why, in plain words (null when it passed), with each expected value it missed.
 * {@code criterion} is the code its description starts with ("F1"), or null; {@code accepted} is
 * set once its failed expectations were accepted into the draft, until the draft is validated again.
 */
public record ScenarioResult(String file, int index, String description, boolean passed, String failure,
                             String criterion, List<FailedExpectation> expectations, boolean accepted) {

    /** A criterion's code: capitals then digits ("F1", "I10"), or two capitals or more ("SV"), before a space or colon. */
    private static final Pattern CRITERION = Pattern.compile("^([A-Z]+[0-9]+|[A-Z]{2,})(?=[\\s:])");
    /** The only key of a by-criterion expectation as the scenario editor writes it: {"F1":{"value":"GREEN"}}. */
    private static final Pattern MAP_KEY = Pattern.compile("^\\{\"([A-Z]+[0-9]+|[A-Z]{2,})\":\\{[^{}]*}}$");

    public ScenarioResult {
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
    }

    public ScenarioResult(String file, int index, String description, boolean passed, String failure) {
        this(file, index, description, passed, failure, criterionOf(description), List.of(), false);
    }

    public ScenarioResult(String file, int index, String description, boolean passed, String failure,
                          List<FailedExpectation> expectations) {
        this(file, index, description, passed, failure, criterionOf(description, expectations), expectations, false);
    }

    /**
     * A file none of whose scenarios could be run (not a Test Scenario file, or not one this
     * service can run): one failed result for the whole file, numbered 0 as it is no scenario.
     */
    public static ScenarioResult unreadable(String file, String reason) {
        return new ScenarioResult(file, 0, null, false, "The file could not be read as a Test Scenario: " + reason);
    }

    /** The criterion a scenario is named after: the code its description starts with, or null. */
    public static String criterionOf(String description) {
        if (description == null) {
            return null;
        }
        Matcher code = CRITERION.matcher(description.strip());
        return code.find() ? code.group(1) : null;
    }

    /**
     * The code the description starts with or, for a scenario named in words ("Debt service cover
     * exactly 1.25 is green"), the one criterion its failed expectations are about: the key of every
     * by-criterion cell it missed ({"F1": ...}).
     */
    static String criterionOf(String description, List<FailedExpectation> expectations) {
        String named = criterionOf(description);
        if (named != null || expectations == null || expectations.isEmpty()) {
            return named;
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (FailedExpectation e : expectations) {
            Matcher key = MAP_KEY.matcher(e.expected() == null ? "" : e.expected());
            if (!e.checks().endsWith("ByCriterion") || !key.find()) {
                return null;
            }
            keys.add(key.group(1));
        }
        return keys.size() == 1 ? keys.iterator().next() : null;
    }

    /** Failed, with at least one expectation whose value the rules gave can be written into the file. */
    public boolean acceptable() {
        return !passed && !accepted && expectations.stream().anyMatch(FailedExpectation::acceptable);
    }

    ScenarioResult markedAccepted() {
        return new ScenarioResult(file, index, description, passed, failure, criterion, expectations, true);
    }
}
