package org.blended.service.ruleset.web;

import org.blended.service.ruleset.lifecycle.ExpectationAcceptance;
import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The version page's "Accept the draft's value" buttons (templates/policy/scenarios.html): one
 * scenario, a criterion's or all; back to the version page with what was done, or why not.
 */
@Controller
@RequestMapping("/policy/rule-sets/{version}/scenarios")
class ScenarioPageController {

    private final ExpectationAcceptance acceptance;

    ScenarioPageController(ExpectationAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @PostMapping("/acceptance")
    public String accept(@PathVariable int version, @RequestParam(required = false) String file,
                         @RequestParam(required = false) Integer index, @RequestParam(required = false) String criterion,
                         @RequestParam(required = false) Boolean all, Principal who, RedirectAttributes flash) {
        try {
            ExpectationAcceptance.Accepted accepted = acceptance.accept(version,
                    ExpectationAcceptance.Selection.of(file, index, criterion, all), who.getName());
            flash.addFlashAttribute("message", accepted.summary());
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/policy/rule-sets/" + version;
    }
}
