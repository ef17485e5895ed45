package org.blended.service.review.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.blended.service.decision.DecisionView;
import org.blended.service.explanation.OfficerBrief;
import org.blended.service.review.cases.CaseNote;
import org.blended.service.review.cases.ReviewCase;
import org.blended.service.review.settlement.FinalDecision;
import org.blended.service.review.settlement.Proposal;

/** Everything on an officer's case page: the case, every input, the automated decision, and what people did. */
record CasePage(ReviewCase reviewCase, String organisation, String lenderReference, String legalForm, BigDecimal amount,
                String channel, String receivedAt, List<ApplicationInputs.Input> inputs, DecisionView decision,
                OfficerBrief brief, List<CaseNote> notes, Proposal pending, List<Proposal> proposals,
                FinalDecision finalDecision, List<String> ruleConditions, List<String> criteria,
                Map<String, String> overrideReasons, BigDecimal fourEyesAbove, boolean mayDecide, boolean mayApprove,
                boolean mine) {
}
