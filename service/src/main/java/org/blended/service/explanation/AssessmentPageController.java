package org.blended.service.explanation;

import org.blended.service.application.StoredApplication;
import org.blended.service.application.StoredApplicationRepository;
import org.blended.service.assessment.DecisionRepository;
import org.blended.service.assessment.DecisionView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The applicant's own assessment, read-only, at the unguessable link the lender passes on. The
 * link is the only credential: it opens this one application and nothing else.
 */
@Controller
public class AssessmentPageController {

    private final StoredApplicationRepository applications;
    private final DecisionRepository decisions;

    public AssessmentPageController(StoredApplicationRepository applications, DecisionRepository decisions) {
        this.applications = applications;
        this.decisions = decisions;
    }

    @GetMapping("/assessment/{token}")
    @Transactional(readOnly = true)
    public String assessment(@PathVariable String token, Model model) {
        StoredApplication application = applications.findByAccessToken(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No assessment at this link"));
        DecisionView decision = decisions.findByApplicationId(application.getId()).map(DecisionView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No assessment at this link"));
        model.addAttribute("page", ApplicantAssessment.of(application.getLegalName(), decision));
        return "assessment";
    }
}
