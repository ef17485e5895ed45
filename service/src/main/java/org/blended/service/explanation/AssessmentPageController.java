package org.blended.service.explanation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.blended.rules.assessment.Outcome;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.settlement.FinalDecision;
import org.blended.service.review.settlement.FinalDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's own assessment at the unguessable link the lender passes on. The link is the
 * only credential: it opens this one application, and lets the applicant ask, once, for a person
 * to review the decision. A link that opens nothing gets a page saying so, with status 404.
 */
@Controller
class AssessmentPageController {

    static final int MAX_REQUEST = 2000;

    private final ExplanationService explanations;
    private final ReviewCases cases;
    private final FinalDecisions finalDecisions;
    private final LenderDirectory lenders;
    private final Clock clock;

    AssessmentPageController(ExplanationService explanations, ReviewCases cases, FinalDecisions finalDecisions,
                             LenderDirectory lenders, Clock clock) {
        this.lenders = lenders;
        this.explanations = explanations;
        this.cases = cases;
        this.finalDecisions = finalDecisions;
        this.clock = clock;
    }

    @GetMapping("/assessment/{token}")
    public String assessment(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ExplanationService.Page> found = explanations.forApplicant(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        ExplanationService.Page page = found.get();
        UUID applicationId = page.explanation().applicationId();
        Optional<FinalDecision> decided = finalDecisions.ofApplication(applicationId);
        Optional<Lender> lender = lenders.byId(page.application().lenderId());
        model.addAttribute("page", ApplicantAssessment.of(page.organisation(), page.explanation(), page.decision()));
        model.addAttribute("summary", ApplicationSummary.of(page.application(), page.decision(), clock.getZone()));
        model.addAttribute("next", NextSteps.of(lender, decided.map(FinalDecision::outcome).orElse(page.explanation().outcome())));
        model.addAttribute("review", ApplicantReview.of(cases.ofApplication(applicationId), decided, clock.getZone(),
                page.explanation().outcome() == Outcome.REFER));
        model.addAttribute("maxRequest", MAX_REQUEST);
        model.addAttribute("token", token);
        return "assessment";
    }

    @PostMapping("/assessment/{token}/review")
    public String requestReview(@PathVariable String token, @RequestParam(defaultValue = "") String why,
                                RedirectAttributes redirect, HttpServletResponse response) {
        Optional<UUID> found = explanations.applicationOf(token);
        if (found.isEmpty()) {
            return notFound(response);
        }
        String text = why.strip();
        if (text.isEmpty() || text.length() > MAX_REQUEST) {
            redirect.addFlashAttribute("requestProblem", text.isEmpty()
                    ? "Say why you would like a person to review the decision"
                    : "Your reasons must be " + MAX_REQUEST + " characters or fewer");
            redirect.addFlashAttribute("why", text);
            return "redirect:/assessment/" + token + "#review";
        }
        ReviewCases.RequestAnswer answer = cases.request(found.get(), text);
        redirect.addFlashAttribute("requestAnswer", answer.name());
        return "redirect:/assessment/" + token + "#review";
    }

    /** A mistyped, cut-short or withdrawn link: a page saying so in the same design, not an API's problem JSON. */
    private static String notFound(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "assessment-not-found";
    }
}
