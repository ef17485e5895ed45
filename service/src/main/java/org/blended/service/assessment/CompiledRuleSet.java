package org.blended.service.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.MeasureValue;
import org.kie.api.KieBase;

/**
 * One rule-set version, built once and shared: each evaluation runs in its own stateless session,
 * so evaluations never see each other's facts and need no locking.
 */
public record CompiledRuleSet(int version, String label, KieBase kieBase) {

    /** Assesses one application as of the given date; the date is an input so that replay is exact. */
    public Assessment assess(Application application, LocalDate assessedOn, List<MeasureValue> lenderValues) {
        Assessment assessment = new Assessment(assessedOn);
        List<Object> facts = new ArrayList<>(lenderValues.size() + 2);
        facts.add(application);
        facts.add(assessment);
        facts.addAll(lenderValues);
        kieBase.newStatelessKieSession().execute(facts);
        if (assessment.getOutcome() == null) {
            throw new IllegalStateException("Rule set " + label + " reached no outcome for application "
                    + application.getLenderReference());
        }
        return assessment;
    }
}
