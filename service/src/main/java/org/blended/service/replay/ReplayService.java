package org.blended.service.replay;

import org.blended.service.decision.StoredInputs;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Assessment;
import org.blended.service.decision.ApplicationNotFoundException;
import org.blended.service.decision.StoredApplication;
import org.blended.service.decision.StoredApplicationRepository;
import org.blended.service.assessment.CompiledRuleSet;
import org.blended.service.decision.Decision;
import org.blended.service.decision.DecisionRepository;
import org.blended.service.decision.DecisionView;
import org.blended.service.assessment.EvaluationFailedException;
import org.blended.service.assessment.RuleEngine;
import org.blended.service.ruleset.lifecycle.RuleSetLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays a stored decision: the stored application and measure values, on the stored assessment
 * date, with the rule-set version the decision names. Rules are deterministic, so anything but
 * "identical" is a fault to investigate.
 */
@Service
public class ReplayService {

    private final StoredApplicationRepository applications;
    private final DecisionRepository decisions;
    private final RuleSetLibrary library;
    private final RuleEngine engine;
    private final StoredInputs inputs;
    private final TransactionTemplate reading;

    public ReplayService(StoredApplicationRepository applications, DecisionRepository decisions, RuleSetLibrary library,
                         RuleEngine engine, StoredInputs inputs, PlatformTransactionManager transactions) {
        this.applications = applications;
        this.decisions = decisions;
        this.library = library;
        this.engine = engine;
        this.inputs = inputs;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    private record Stored(StoredApplication application, DecisionView decision) {
    }

    public ReplayReport replay(UUID lenderId, UUID applicationId) {
        Stored stored = reading.execute(status -> {
            StoredApplication application = applications.findByIdAndLenderId(applicationId, lenderId)
                    .orElseThrow(() -> new ApplicationNotFoundException(applicationId));
            Decision decision = decisions.findByApplicationIdAndLenderId(applicationId, lenderId)
                    .orElseThrow(() -> new ApplicationNotFoundException(applicationId));
            return new Stored(application, DecisionView.of(decision));
        });
        DecisionView before = stored.decision();
        CompiledRuleSet rules = library.labelled(before.ruleSetVersion());
        Assessment assessment;
        try {
            assessment = engine.evaluate(rules, inputs.application(stored.application().getPayload()), before.assessedOn(),
                    inputs.lenderValues(stored.application().getLenderValues()));
        } catch (EvaluationFailedException failed) { // reported like any other difference: a fault to investigate
            return new ReplayReport(applicationId, rules.label(), before.assessedOn(), before.outcome(), null, 0, false,
                    List.of("the replay reached no decision: " + failed.getMessage()));
        }
        DecisionView again = DecisionView.of(new Decision(applicationId, lenderId, assessment, rules.label(),
                Instant.EPOCH, 0, 0, ""));
        var differences = DecisionComparison.differences(before, again);
        return new ReplayReport(applicationId, rules.label(), before.assessedOn(), before.outcome(), again.outcome(),
                again.reasons().size(), differences.isEmpty(), differences);
    }
}
