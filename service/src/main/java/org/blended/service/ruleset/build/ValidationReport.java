package org.blended.service.ruleset.build;

import org.blended.service.ruleset.source.RuleSetProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What validating a version found: content refused before compiling, compile problems, the
 * result of every Test Scenario, and which rules and table rows no scenario made fire (null when the
 * scenarios did not run). Valid only with no problem and every scenario passed. {@code superseded}
 * once expectations were accepted into the draft after this validation: it no longer stands.
 */
public record ValidationReport(int version, boolean valid, String stage, List<RuleSetProblem> problems,
                               int scenariosRun, int scenariosFailed, List<ScenarioResult> scenarios,
                               long compileMillis, long scenarioMillis, Instant validatedAt,
                               ScenarioCoverage coverage, boolean superseded) {

    public ValidationReport(int version, boolean valid, String stage, List<RuleSetProblem> problems,
                            int scenariosRun, int scenariosFailed, List<ScenarioResult> scenarios,
                            long compileMillis, long scenarioMillis, Instant validatedAt) {
        this(version, valid, stage, problems, scenariosRun, scenariosFailed, scenarios, compileMillis, scenarioMillis,
                validatedAt, null, false);
    }

    /** In a sentence, for the audit trail and the page. */
    public String summary() {
        if (!problems.isEmpty()) {
            return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + stage
                    + ": " + problems.get(0) + (problems.size() > 1 ? " …" : "");
        }
        if (scenariosRun == 0) {
            return "Compiled, but it has no Test Scenarios: add at least one before it can be published.";
        }
        String result = scenariosFailed == 0
                ? "Compiled; all " + scenariosRun + " Test Scenarios passed."
                : "Compiled; " + scenariosFailed + " of " + scenariosRun + " Test Scenarios failed.";
        if (coverage != null) {
            result += " They exercise " + percent(coverage.rowsPercent()) + " of the table rows and "
                    + percent(coverage.rulesPercent()) + " of the rules.";
        }
        return superseded ? result + " New expectations were accepted since: validate again." : result;
    }

    /** The failed scenarios, each once, in the report's order. */
    public List<ScenarioResult> failedScenarios() {
        return scenarios.stream().filter(s -> !s.passed()).toList();
    }

    /**
     * The failed scenarios grouped by the criterion they are named after, criteria in order of their
     * codes; those named after none come last, under the empty code.
     */
    public Map<String, List<ScenarioResult>> failedByCriterion() {
        Map<String, List<ScenarioResult>> groups = new TreeMap<>(Comparator.comparing((String code) -> code.isEmpty())
                .thenComparing(code -> code.replaceAll("\\d", "")).thenComparing(ValidationReport::number));
        for (ScenarioResult failed : failedScenarios()) {
            groups.computeIfAbsent(failed.criterion() == null ? "" : failed.criterion(), c -> new ArrayList<>()).add(failed);
        }
        return groups;
    }

    private static int number(String code) {
        String digits = code.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    /** This report with the given scenarios' expectations accepted: it no longer stands. */
    public ValidationReport withAccepted(Set<String> scenarioKeys) {
        List<ScenarioResult> marked = scenarios.stream()
                .map(s -> scenarioKeys.contains(key(s.file(), s.index())) ? s.markedAccepted() : s).toList();
        return new ValidationReport(version, false, stage, problems, scenariosRun, scenariosFailed, marked, compileMillis,
                scenarioMillis, validatedAt, coverage, true);
    }

    /** How a scenario is named across files: its file and number. */
    public static String key(String file, int index) {
        return file + "#" + index;
    }

    private static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " %";
    }
}
