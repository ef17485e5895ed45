package org.blended.service.review.web;

import java.util.List;
import java.util.UUID;

import org.blended.rules.assessment.Outcome;
import org.blended.service.review.cases.CaseQueue;
import org.blended.service.review.cases.CaseState;
import org.blended.service.review.cases.OpenedBecause;
import org.blended.service.review.cases.ReviewCases;
import org.blended.service.review.people.Officer;
import org.blended.service.review.people.Officers;
import org.blended.service.review.settlement.FinalDecisions;
import org.blended.service.review.settlement.Settlement;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer's pages: the queue of their lender's review cases, and each case with the form that
 * records the final decision. Thin: the services decide who may do what; a refusal comes back to
 * the page as a message, except "not found", which stays a 404 (another lender's case).
 */
@Controller
class OfficerPagesController {

    private final Officers officers;
    private final CaseQueue queue;
    private final ReviewCases cases;
    private final FinalDecisions finalDecisions;
    private final CasePages pages;
    private final java.time.Clock clock;

    OfficerPagesController(Officers officers, CaseQueue queue, ReviewCases cases, FinalDecisions finalDecisions, CasePages pages,
                           java.time.Clock clock) {
        this.clock = clock;
        this.officers = officers;
        this.queue = queue;
        this.cases = cases;
        this.finalDecisions = finalDecisions;
        this.pages = pages;
    }

    @GetMapping("/officer")
    String queue(@RequestParam(required = false) CaseState state, @RequestParam(required = false) OpenedBecause because,
                 @RequestParam(defaultValue = "false") boolean mine, Authentication caller, Model model) {
        Officer officer = officers.of(caller);
        // Rows the template reads; their type stays inside review.cases.
        model.addAttribute("cases", queue.list(officer.lenderId(), new CaseQueue.Filter(state, because, mine ? officer.username() : null)));
        model.addAttribute("state", state);
        model.addAttribute("because", because);
        model.addAttribute("mine", mine);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("reasons", OpenedBecause.values());
        model.addAttribute("limit", CaseQueue.PAGE);
        model.addAttribute("now", clock.instant());
        common(officer, model);
        return "officer/queue";
    }

    @PostMapping("/officer/cases")
    String open(@RequestParam(defaultValue = "") String lenderReference, Authentication caller, RedirectAttributes redirect) {
        Officer officer = officers.of(caller);
        UUID applicationId = queue.applicationOfReference(officer.lenderId(), lenderReference.strip()).orElse(null);
        if (applicationId == null) {
            redirect.addFlashAttribute("problem", "No application of yours has the reference \"" + lenderReference.strip() + "\"");
            return "redirect:/officer";
        }
        return "redirect:/officer/cases/" + cases.openByOfficer(officer, applicationId).id();
    }

    @GetMapping("/officer/cases/{id}")
    String reviewCase(@PathVariable UUID id, Authentication caller, Model model) {
        Officer officer = officers.of(caller);
        model.addAttribute("page", pages.page(officer, id));
        model.addAttribute("outcomes", List.of(Outcome.APPROVE, Outcome.APPROVE_WITH_CONDITIONS, Outcome.DECLINE));
        common(officer, model);
        return "officer/case";
    }

    @PostMapping("/officer/cases/{id}/take")
    String take(@PathVariable UUID id, @RequestParam long version, Authentication caller, RedirectAttributes redirect) {
        return act(id, redirect, "You have this case now", () -> cases.take(officers.of(caller), id, version));
    }

    @PostMapping("/officer/cases/{id}/release")
    String release(@PathVariable UUID id, @RequestParam long version, Authentication caller, RedirectAttributes redirect) {
        return act(id, redirect, "The case is back in the queue", () -> cases.release(officers.of(caller), id, version));
    }

    @PostMapping("/officer/cases/{id}/notes")
    String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Authentication caller,
                RedirectAttributes redirect) {
        return act(id, redirect, "Note added", () -> {
            if (text.isBlank() || text.strip().length() > 4000) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Note: write up to 4,000 characters");
            }
            cases.note(officers.of(caller), id, text.strip());
        });
    }

    @PostMapping("/officer/cases/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) Outcome outcome,
                  @RequestParam(defaultValue = "") String conditions, @RequestParam(defaultValue = "") String rationale,
                  @RequestParam(required = false) String overrideReason, @RequestParam(required = false) List<String> criteria,
                  Authentication caller, RedirectAttributes redirect) {
        Settlement settlement = new Settlement(outcome, List.of(conditions.split("\\R")), rationale, overrideReason, criteria);
        try {
            FinalDecisions.Recorded recorded = finalDecisions.record(officers.of(caller), id, version, settlement);
            redirect.addFlashAttribute("message", recorded == FinalDecisions.Recorded.DECIDED ? "Final decision recorded"
                    : "Proposed: an override in the applicant's favour of this size needs a senior officer's approval");
        } catch (ResponseStatusException refused) {
            if (refused.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.getReason());
            redirect.addFlashAttribute("entered", settlement);
        }
        return "redirect:/officer/cases/" + id;
    }

    @PostMapping("/officer/cases/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam long version, Authentication caller, RedirectAttributes redirect) {
        return act(id, redirect, "Approved: the final decision is recorded", () -> finalDecisions.approve(officers.of(caller), id, version));
    }

    @PostMapping("/officer/cases/{id}/send-back")
    String sendBack(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String why,
                    Authentication caller, RedirectAttributes redirect) {
        return act(id, redirect, "Sent back to the officer who proposed it",
                () -> finalDecisions.sendBack(officers.of(caller), id, version, why));
    }

    private static String act(UUID id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (ResponseStatusException refused) {
            if (refused.getStatusCode() == HttpStatus.NOT_FOUND) {
                throw refused;
            }
            redirect.addFlashAttribute("problem", refused.getReason());
        }
        return "redirect:/officer/cases/" + id;
    }

    private void common(Officer officer, Model model) {
        model.addAttribute("officer", true);
        model.addAttribute("me", officer);
        model.addAttribute("words", pages.wording());
    }
}
