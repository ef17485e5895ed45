package org.blended.service.explanation;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.blended.service.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Applications")
class ExplanationController {

    private final ExplanationService explanations;

    public ExplanationController(ExplanationService explanations) {
        this.explanations = explanations;
    }

    @GetMapping("/api/v1/applications/{id}/explanation")
    @Operation(summary = "Why the application got its outcome, and what would change it",
            description = "Per theme what counted and what counted against, near misses (figure and threshold), "
                    + "evidence gaps, and the smallest sets of actionable changes that reach a better outcome, each "
                    + "verified by assessing the changed application with the same rules and date.")
    public Explanation explanation(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return explanations.forLender(caller.lenderId(), id);
    }
}
