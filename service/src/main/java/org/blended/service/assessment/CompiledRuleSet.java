package org.blended.service.assessment;

import java.time.LocalDate;
import java.util.List;

import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.MeasureValue;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * One rule-set version, built once and shared. Each evaluation takes a session of its own from
 * the version's pool (emptied when given back), so evaluations never see each other's facts and
 * need no locking, and a session can be halted from another thread, which a stateless one cannot.
 */
public record CompiledRuleSet(int version, String label, KieBase kieBase, KieSessionsPool sessions) {

    /** With a session pool of its own; it grows to as many sessions as evaluations run at once. */
    public CompiledRuleSet(int version, String label, KieBase kieBase) {
        this(version, label, kieBase, kieBase.newKieSessionsPool(0));
    }

    /**
     * Assesses one application as of the given date; the date is an input so that replay is exact.
     * In the calling thread, within the default firing limit and with no time limit: the service
     * evaluates through {@link RuleEngine#evaluate(CompiledRuleSet, Application, LocalDate, List)},
     * which applies both configured limits.
     *
     * @throws EvaluationFailedException when the rule set goes past the limit, fails or reaches no outcome
     */
    public Assessment assess(Application application, LocalDate assessedOn, List<MeasureValue> lenderValues) {
        return assess(application, assessedOn, lenderValues, new Evaluation(EvaluationLimits.DEFAULTS.maxFirings()));
    }

    Assessment assess(Application application, LocalDate assessedOn, List<MeasureValue> lenderValues, Evaluation evaluation) {
        Assessment assessment = new Assessment(assessedOn);
        KieSession session = sessions.newKieSession();
        try {
            session.insert(application);
            session.insert(assessment);
            lenderValues.forEach(session::insert);
            evaluation.fire(session, label);
        } catch (EvaluationFailedException | EvaluationStoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (evaluation.stopped() != null) { // a stop interrupting the engine is the stop, not a fault
                throw evaluation.stopped();
            }
            throw new EvaluationFailedException(e instanceof ConsequenceException failed && failed.getMatch() != null
                    ? "rule set " + label + " failed in rule \"" + failed.getMatch().getRule().getName() + "\""
                    : "rule set " + label + " failed while assessing the application", e);
        } finally {
            session.dispose(); // back to the pool, emptied
        }
        if (assessment.getOutcome() == null) {
            throw new EvaluationFailedException("rule set " + label + " reached no outcome");
        }
        return assessment;
    }
}
