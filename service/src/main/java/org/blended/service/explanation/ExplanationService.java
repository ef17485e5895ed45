package org.blended.service.explanation;

import java.util.Optional;
import java.util.UUID;

import org.blended.service.decision.ApplicationNotFoundException;
import org.blended.service.decision.StoredApplication;
import org.blended.service.decision.StoredApplicationRepository;
import org.blended.service.decision.DecisionRepository;
import org.blended.service.decision.DecisionView;
import org.blended.service.decision.StoredInputs;
import org.blended.service.ruleset.lifecycle.RuleSetLibrary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Explains a stored decision and searches what would change it as the decision was made: with the
 * rule-set version it names and the lender's measure values stored beside it, not today's.
 */
@Service
public class ExplanationService {

    private final StoredApplicationRepository applications;
    private final DecisionRepository decisions;
    private final RuleSetLibrary library;
    private final StoredInputs inputs;
    private final WhatWouldChange whatWouldChange;
    private final double nearMissWithin;
    private final TransactionTemplate reading;

    public ExplanationService(StoredApplicationRepository applications, DecisionRepository decisions,
                              RuleSetLibrary library, StoredInputs inputs, WhatWouldChange whatWouldChange,
                              @Value("${blended.explanation.near-miss-within:0.2}") double nearMissWithin,
                              PlatformTransactionManager transactions) {
        this.applications = applications;
        this.decisions = decisions;
        this.library = library;
        this.inputs = inputs;
        this.whatWouldChange = whatWouldChange;
        this.nearMissWithin = nearMissWithin;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    Explanation forLender(UUID lenderId, UUID applicationId) {
        Loaded loaded = reading.execute(status -> applications.findByIdAndLenderId(applicationId, lenderId)
                .map(this::load).orElseThrow(() -> new ApplicationNotFoundException(applicationId)));
        return explain(loaded);
    }

    /** The near misses and suggestions for an officer's case page: the search runs the rules many times. */
    public OfficerBrief briefFor(UUID lenderId, UUID applicationId) {
        return OfficerBrief.of(forLender(lenderId, applicationId));
    }

    /** The application behind an applicant's link, without explaining it. */
    Optional<UUID> applicationOf(String token) {
        return reading.execute(status -> applications.findByAccessToken(token).map(StoredApplication::getId));
    }

    Optional<Page> forApplicant(String token) {
        record Read(Loaded loaded, AppliedFor application) {
        }
        Optional<Read> read = reading.execute(status -> applications.findByAccessToken(token)
                .map(stored -> new Read(load(stored), AppliedFor.of(stored))));
        return read.map(r -> new Page(r.loaded().organisation(), explain(r.loaded()), r.loaded().decision(), r.application()));
    }

    /** The decision's reasons give the page its primary reason and conditions; the application, its summary. */
    record Page(String organisation, Explanation explanation, DecisionView decision, AppliedFor application) {
    }

    private record Loaded(String organisation, String payload, String lenderValues, DecisionView decision) {
    }

    private Loaded load(StoredApplication stored) {
        DecisionView decision = decisions.findByApplicationId(stored.getId()).map(DecisionView::of)
                .orElseThrow(() -> new ApplicationNotFoundException(stored.getId()));
        return new Loaded(stored.getLegalName(), stored.getPayload(), stored.getLenderValues(), decision);
    }

    /**
     * The search evaluates the rules many times: it runs outside any database transaction. The
     * decision's version comes from the library's cache of compiled versions, as replay's does.
     */
    private Explanation explain(Loaded loaded) {
        DecisionView decision = loaded.decision();
        var basis = new WhatWouldChange.Basis(library.labelled(decision.ruleSetVersion()), loaded.payload(),
                decision.assessedOn(), inputs.lenderValues(loaded.lenderValues()));
        return ExplanationBuilder.build(decision, whatWouldChange.search(basis, decision.outcome()), nearMissWithin);
    }
}
