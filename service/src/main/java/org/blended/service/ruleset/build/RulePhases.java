package org.blended.service.ruleset.build;

import java.util.ArrayList;
import java.util.List;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import org.blended.service.ruleset.source.RuleSources;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A rule set that runs in phases (flow/phases.drl) needs every rule in one: a rule without a
 * phase stays in MAIN, where the engine starts, and fires after the last phase, where its reasons
 * no longer count. Its Test Scenarios may not notice, so the rule is refused with where it is.
 */
final class RulePhases {

    static final String STAGE = "the check of the rule phases";
    /** The start rule that runs the phases is the one rule that has none. */
    private static final String START_PACKAGE = "org.blended.rules.flow";
    private static final String NO_PHASE = "MAIN";

    private RulePhases() {
    }

    static List<RuleSetProblem> unphased(KieBase kieBase, List<RuleSetFile> files) {
        List<RuleImpl> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                rules.add((RuleImpl) rule);
            }
        }
        if (rules.stream().allMatch(rule -> NO_PHASE.equals(rule.getAgendaGroup()))) {
            return List.of(); // a rule set without phases runs all its rules together
        }
        List<RuleSetProblem> problems = new ArrayList<>();
        RuleSources sources = null;
        for (RuleImpl rule : rules) {
            if (NO_PHASE.equals(rule.getAgendaGroup()) && !START_PACKAGE.equals(rule.getPackageName())) {
                sources = sources == null ? RuleSources.of(files) : sources;
                RuleSources.Place place = sources.rule(rule.getName());
                problems.add(new RuleSetProblem(place == null ? "the rule set" : place.file(),
                        place == null ? null : place.where(), "rule \"" + rule.getName() + "\" names no phase, so it "
                        + "would run after the whole assessment, where its reasons no longer count; give it "
                        + "ruleflow-group \"criteria\" or another phase of flow/phases.drl"));
            }
        }
        return problems;
    }
}
