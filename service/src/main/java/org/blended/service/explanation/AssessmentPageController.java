package org.blended.service.explanation;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The applicant's own assessment, read-only, at the unguessable link the lender passes on. The
 * link is the only credential: it opens this one application and nothing else.
 */
@Controller
class AssessmentPageController {

    private final ExplanationService explanations;

    public AssessmentPageController(ExplanationService explanations) {
        this.explanations = explanations;
    }

    @GetMapping("/assessment/{token}")
    public String assessment(@PathVariable String token, Model model) {
        ExplanationService.Page page = explanations.forApplicant(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No assessment at this link"));
        model.addAttribute("page", ApplicantAssessment.of(page.organisation(), page.explanation()));
        return "assessment";
    }
}
