package org.blended.service.ruleset.guard;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.source.RuleSources;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What must be refused before a rule set is compiled, because no check of the compiled code could
 * see it: how rule files are structured (globals, the MVEL dialect, packages outside the rule
 * base), read with Drools' own parser; and Test Scenario files, which the scenario runner reads
 * by itself. What rule code does is checked on what it compiles to ({@link CompiledCodeCheck}),
 * not on its text: no reading of source text can agree with every way Drools reads it.
 */
@Component
public class RuleContentGuard {

    /** Every problem found in the rule and scenario files of a rule set; none means that they may be compiled. */
    public List<RuleSetProblem> check(List<RuleSetFile> files) {
        Set<RuleSetProblem> problems = new LinkedHashSet<>(RuleSources.of(files).structureProblems());
        for (RuleSetFile file : files) {
            if (file.kind() == RuleSetFile.Kind.TEST_SCENARIO) {
                problems.addAll(ScenarioContentCheck.check(file));
            }
        }
        return List.copyOf(problems);
    }
}
