package org.blended.service.explanation;

import java.time.Clock;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.settlement.FinalDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applicant's own assessment at the unguessable link the lender passes on. The link is the
 * only credential: it opens this one application, and lets the applicant ask, once, for a person
 * to review the decision.
 */
@Controller
class AssessmentPageController {

    static final int MAX_REQUEST = 2000;

    private final ExplanationService explanations;
    private final ReviewCases cases;
    private final FinalDecisions finalDecisions;
    private final Clock clock;

    AssessmentPageController(ExplanationService explanations, ReviewCases cases, FinalDecisions finalDecisions, Clock clock) {
        this.explanations = explanations;
        this.cases = cases;
        this.finalDecisions = finalDecisions;
        this.clock = clock;
    }

    @GetMapping("/assessment/{token}")
    public String assessment(@PathVariable String token, Model model) {
        ExplanationService.Page page = page(token);
        UUID applicationId = page.explanation().applicationId();
        model.addAttribute("page", ApplicantAssessment.of(page.organisation(), page.explanation()));
        model.addAttribute("review", ApplicantReview.of(cases.ofApplication(applicationId),
                finalDecisions.ofApplication(applicationId), clock.getZone(), page.explanation().outcome() == Outcome.REFER));
        model.addAttribute("maxRequest", MAX_REQUEST);
        model.addAttribute("token", token);
        return "assessment";
    }

    @PostMapping("/assessment/{token}/review")
    public String requestReview(@PathVariable String token, @RequestParam(defaultValue = "") String why,
                                RedirectAttributes redirect) {
        UUID applicationId = explanations.applicationOf(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No assessment at this link"));
        String text = why.strip();
        if (text.isEmpty() || text.length() > MAX_REQUEST) {
            redirect.addFlashAttribute("requestProblem", text.isEmpty()
                    ? "Say why you would like a person to review the decision"
                    : "Your reasons must be " + MAX_REQUEST + " characters or fewer");
            redirect.addFlashAttribute("why", text);
            return "redirect:/assessment/" + token + "#review";
        }
        ReviewCases.RequestAnswer answer = cases.request(applicationId, text);
        redirect.addFlashAttribute("requestAnswer", answer.name());
        return "redirect:/assessment/" + token + "#review";
    }

    private ExplanationService.Page page(String token) {
        return explanations.forApplicant(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No assessment at this link"));
    }
}
