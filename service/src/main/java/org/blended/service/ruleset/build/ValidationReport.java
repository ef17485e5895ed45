package org.blended.service.ruleset.build;

import org.blended.service.ruleset.source.RuleSetProblem;
import java.time.Instant;
import java.util.List;

/**
 * What validating a version found: content refused before compiling, compile problems, and the
 * result of every Test Scenario. Valid only with no problem and every scenario passed.
 */
public record ValidationReport(int version, boolean valid, String stage, List<RuleSetProblem> problems,
                               int scenariosRun, int scenariosFailed, List<ScenarioResult> scenarios,
                               long compileMillis, long scenarioMillis, Instant validatedAt) {

    /** In a sentence, for the audit trail and the page. */
    public String summary() {
        if (!problems.isEmpty()) {
            return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + stage
                    + ": " + problems.get(0) + (problems.size() > 1 ? " …" : "");
        }
        if (scenariosRun == 0) {
            return "Compiled, but it has no Test Scenarios: add at least one before it can be published.";
        }
        return scenariosFailed == 0
                ? "Compiled; all " + scenariosRun + " Test Scenarios passed."
                : "Compiled; " + scenariosFailed + " of " + scenariosRun + " Test Scenarios failed.";
    }
}
