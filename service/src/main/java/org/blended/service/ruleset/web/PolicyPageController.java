package org.blended.service.ruleset.web;

import org.blended.service.ruleset.lifecycle.RuleSetSettings;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.store.RuleSetFiles;
import org.blended.service.ruleset.store.RuleSetRecord;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.blended.rules.assessment.Outcome;
import org.blended.service.security.Role;
import org.blended.service.whatif.WhatIfScope;
import org.blended.service.whatif.WhatIfService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy owners' pages: versions, upload, validation and what-if reports, publish and roll
 * back. Server-rendered forms over the same services as the API; a refused step comes back as a
 * message on the page it was asked from.
 */
@Controller
@RequestMapping("/policy")
class PolicyPageController {

    private final RuleSets ruleSets;
    private final WhatIfService whatIf;
    private final RuleSetSettings settings;
    private final Clock clock;

    public PolicyPageController(RuleSets ruleSets, WhatIfService whatIf, RuleSetSettings settings, Clock clock) {
        this.ruleSets = ruleSets;
        this.whatIf = whatIf;
        this.settings = settings;
        this.clock = clock;
    }

    /** Times are shown in the service's time zone. */
    @ModelAttribute("zone")
    ZoneId zone() {
        return clock.getZone();
    }

    @GetMapping
    public String versions(Model model) {
        RuleSetRecord active = ruleSets.active();
        model.addAttribute("active", active);
        model.addAttribute("versions", ruleSets.all());
        model.addAttribute("tables", ruleSets.files(active.version()).stream().filter(RuleSetFile::isRules).toList());
        return "policy/versions";
    }

    @PostMapping("/rule-sets")
    public String upload(@RequestParam("file") List<MultipartFile> files, @RequestParam(required = false) Integer basedOn,
                         @RequestParam(required = false) String note, Authentication who, RedirectAttributes flash)
            throws IOException {
        try {
            RuleSetRecord draft = ruleSets.upload(basedOn, RuleSetController.uploads(files), note, who.getName(),
                    Role.RULE_AUTHOR.heldBy(who));
            flash.addFlashAttribute("message", "Uploaded as draft version " + draft.version() + ". Validate it next.");
            return "redirect:/policy/rule-sets/" + draft.version();
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
            return "redirect:/policy";
        }
    }

    @GetMapping("/rule-sets/{version}")
    public String version(@PathVariable int version, Model model) {
        RuleSetRecord record = ruleSets.get(version);
        model.addAttribute("version", record);
        model.addAttribute("isActive", record.version() == ruleSets.active().version());
        model.addAttribute("files", ruleSets.files(version));
        model.addAttribute("history", ruleSets.history(version));
        model.addAttribute("decisions", ruleSets.decisionsMade(record));
        model.addAttribute("report", ruleSets.lastValidation(record));
        model.addAttribute("approvalRequired", settings.requireApproval());
        return "policy/version";
    }

    @GetMapping("/rule-sets/{version}/files/{name}")
    public ResponseEntity<byte[]> file(@PathVariable int version, @PathVariable String name) {
        return RuleSetFiles.download(RuleSetFiles.named(ruleSets.files(version), version, name));
    }

    @GetMapping("/rule-sets/{version}/bundle")
    public ResponseEntity<byte[]> bundle(@PathVariable int version) {
        return RuleSetFiles.bundle(ruleSets.get(version), ruleSets.files(version));
    }

    @PostMapping("/rule-sets/{version}/validation")
    public String validate(@PathVariable int version, Principal who, RedirectAttributes flash) {
        return step(version, flash, () -> "Validation: " + ruleSets.validate(version, who.getName()).summary());
    }

    @PostMapping("/rule-sets/{version}/approval")
    public String approve(@PathVariable int version, Principal who, RedirectAttributes flash) {
        return step(version, flash, () -> {
            ruleSets.approve(version, who.getName());
            return "Approved.";
        });
    }

    @PostMapping("/rule-sets/{version}/publication")
    public String publish(@PathVariable int version, Principal who, RedirectAttributes flash) {
        return step(version, flash, () -> {
            ruleSets.publish(version, who.getName());
            return "Published: new applications are now assessed with version " + version + ".";
        });
    }

    @PostMapping("/rule-sets/{version}/rollback")
    public String rollBack(@PathVariable int version, Principal who, RedirectAttributes flash) {
        return step(version, flash, () -> {
            ruleSets.rollBack(version, who.getName());
            return "Rolled back: new applications are again assessed with version " + version + ".";
        });
    }

    @PostMapping("/rule-sets/{version}/discard")
    public String discard(@PathVariable int version, Principal who, RedirectAttributes flash) {
        return step(version, flash, () -> {
            ruleSets.discard(version, who.getName());
            return "Draft discarded.";
        });
    }

    @PostMapping("/rule-sets/{version}/what-if")
    public String startWhatIf(@PathVariable int version,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(required = false) String lender, Principal who, RedirectAttributes flash) {
        try {
            UUID id = whatIf.start(version, new WhatIfScope(from, to, lender), who.getName());
            return "redirect:/policy/what-if/" + id;
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
            return "redirect:/policy/rule-sets/" + version;
        }
    }

    @GetMapping("/what-if/{id}")
    public String whatIf(@PathVariable UUID id, Model model) {
        model.addAttribute("run", whatIf.view(id, 0));
        model.addAttribute("outcomes", Outcome.values());
        return "policy/what-if";
    }

    private static String step(int version, RedirectAttributes flash, Supplier<String> step) {
        try {
            flash.addFlashAttribute("message", step.get());
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/policy/rule-sets/" + version;
    }
}
