package org.blended.service.review.web;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.assessment.Effect;
import org.blended.service.decision.ApplicationView;
import org.blended.service.decision.DecisionView;
import org.blended.service.decision.ReasonView;
import org.blended.service.explanation.ExplanationService;
import org.blended.service.review.cases.CaseState;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.people.Officer;
import org.blended.service.review.settlement.FinalDecisions;
import org.blended.service.review.settlement.Proposal;
import org.blended.service.application.ApplicationQueries;
import org.springframework.stereotype.Component;

/** Puts a case page together from the case, the application, its automated decision and what people did. */
@Component
class CasePages {

    private final ReviewCases cases;
    private final FinalDecisions finalDecisions;
    private final ApplicationQueries applications;
    private final ExplanationService explanations;
    private final ObjectMapper json;
    private final Wording wording;

    CasePages(ReviewCases cases, FinalDecisions finalDecisions, ApplicationQueries applications,
              ExplanationService explanations, ObjectMapper json, java.time.Clock clock) {
        this.cases = cases;
        this.finalDecisions = finalDecisions;
        this.applications = applications;
        this.explanations = explanations;
        this.json = json;
        this.wording = new Wording(clock.getZone());
    }

    Wording wording() {
        return wording;
    }

    CasePage page(Officer officer, java.util.UUID caseId) {
        ReviewCase c = cases.get(officer.lenderId(), caseId);
        ApplicationView application = applications.application(officer.lenderId(), c.applicationId());
        DecisionView decision = application.decision();
        List<Proposal> proposals = finalDecisions.proposals(c.id());
        Proposal pending = proposals.stream().filter(Proposal::pending).findFirst().orElse(null);
        var inputs = ApplicationInputs.of(json, application.application());
        String organisation = inputs.stream().filter(i -> i.field().equals("applicant.legalName")).map(ApplicationInputs.Input::value)
                .findFirst().orElse("");
        String legalForm = inputs.stream().filter(i -> i.field().equals("applicant.legalForm")).map(ApplicationInputs.Input::value)
                .findFirst().orElse("");
        java.math.BigDecimal amount = inputs.stream().filter(i -> i.field().equals("request.amount"))
                .map(i -> new java.math.BigDecimal(i.value())).findFirst().orElse(null);
        boolean open = c.state() == CaseState.OPEN || c.state() == CaseState.ASSIGNED;
        boolean mine = officer.username().equals(c.assignedTo());
        return new CasePage(c, organisation, application.lenderReference(), legalForm, amount, application.channel().name(),
                wording.moment(application.receivedAt()), inputs, decision,
                explanations.briefFor(officer.lenderId(), c.applicationId()), cases.notes(c.id()), pending, proposals,
                finalDecisions.ofApplication(c.applicationId()).orElse(null),
                decision.reasons().stream().filter(r -> r.effect() == Effect.CONDITION).map(ReasonView::text).distinct().toList(),
                decision.reasons().stream().map(ReasonView::criterion).filter(k -> k != null && !k.isBlank()).distinct().toList(),
                finalDecisions.properties().overrideReasons(), finalDecisions.properties().fourEyesAbove(),
                open && (mine || c.state() == CaseState.OPEN),
                pending != null && officer.senior() && !officer.username().equals(pending.proposedBy()), mine);
    }
}
