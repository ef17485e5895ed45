package org.blended.service.ruleset.web;

import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.ruleset.lifecycle.RuleSetSettings;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.store.RuleSetFiles;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.upload.RuleSetUploads;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.blended.rules.assessment.Outcome;
import org.blended.service.security.Role;
import org.blended.service.whatif.WhatIfCharts;
import org.blended.service.whatif.WhatIfCsv;
import org.blended.service.whatif.WhatIfScope;
import org.blended.service.whatif.WhatIfService;
import org.blended.service.whatif.WhatIfView;
import org.blended.service.whatif.WhatIfWords;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy owners' pages: versions, upload, validation and what-if reports, publish and roll
 * back (each confirmed, with a reason). Server-rendered forms over the same services as the API; a
 * refused step comes back as a red error summary on the page it was asked from, a step done as a
 * green banner.
 */
@Controller
@RequestMapping("/policy")
class PolicyPageController {

    private static final String PUBLISH = "publish";
    private static final String ROLL_BACK = "rollback";

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
            var uploads = RuleSetController.uploads(files);
            RuleSetRecord draft = ruleSets.upload(basedOn, uploads, note, who.getName(), Role.RULE_AUTHOR.heldBy(who));
            // a browser-renamed download ("x (1).drl.csv") replaced its table: say so, as the owner may wonder
            List<String> copies = RuleSetUploads.recognisedCopies(ruleSets.files(draft.basedOn() == null ? draft.version()
                    : draft.basedOn()), uploads);
            flash.addFlashAttribute("message", "Uploaded as draft version " + draft.version() + ". Validate it next."
                    + (copies.isEmpty() ? "" : " " + String.join(" ", copies)));
            return "redirect:/policy/rule-sets/" + draft.version();
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
            return "redirect:/policy";
        }
    }

    @GetMapping("/rule-sets/{version}")
    public String version(@PathVariable int version, Model model) {
        RuleSetRecord record = ruleSets.get(version);
        List<RuleSetFile> files = ruleSets.files(version);
        ValidationReport report = ruleSets.lastValidation(record);
        model.addAttribute("version", record);
        model.addAttribute("isActive", record.version() == ruleSets.active().version());
        model.addAttribute("files", files);
        model.addAttribute("tables", files.stream().filter(f -> f.kind() == RuleSetFile.Kind.DECISION_TABLE_CSV
                || f.kind() == RuleSetFile.Kind.DECISION_TABLE_XLSX).toList());
        model.addAttribute("history", ruleSets.history(version));
        model.addAttribute("decisions", ruleSets.decisionsMade(record));
        model.addAttribute("report", report);
        model.addAttribute("problems", report == null ? List.of() : new ProblemPlaces(files).shown(report.problems()));
        model.addAttribute("latestWhatIf", whatIf.latestFinished(version).orElse(null));
        model.addAttribute("approvalRequired", settings.requireApproval());
        model.addAttribute("acceptedChanges", ruleSets.acceptedChanges(version));
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

    /** Passed: a green banner. Failed: a red error summary whose list leads to each problem on the page. */
    @PostMapping("/rule-sets/{version}/validation")
    public String validate(@PathVariable int version, Principal who, RedirectAttributes flash) {
        try {
            ValidationReport report = ruleSets.validate(version, who.getName());
            if (report.valid()) {
                flash.addFlashAttribute("message", "Validation passed. " + report.summary());
            } else {
                flash.addFlashAttribute("validationFailed", true);
                flash.addFlashAttribute("problem", "Validation failed. " + report.summary());
            }
        } catch (ErrorResponseException refused) {
            flash.addFlashAttribute("problem", refused.getBody().getDetail());
        }
        return "redirect:/policy/rule-sets/" + version;
    }

    @PostMapping("/rule-sets/{version}/approval")
    public String approve(@PathVariable int version, Principal who, RedirectAttributes flash) {
        return step(version, flash, () -> {
            ruleSets.approve(version, who.getName());
            return "Approved: version " + version + " can now be published.";
        });
    }

    @GetMapping("/rule-sets/{version}/publication")
    public String confirmPublish(@PathVariable int version, Model model) {
        return confirmation(version, PUBLISH, model);
    }

    @PostMapping("/rule-sets/{version}/publication")
    public String publish(@PathVariable int version, @RequestParam(required = false) String reason, Principal who,
                          Model model, RedirectAttributes flash, HttpServletResponse response) {
        if (reason == null || reason.isBlank() || reason.strip().length() > PublicationReason.LONGEST) {
            return refusedReason(version, PUBLISH, reason, model, response);
        }
        return step(version, flash, () -> {
            ruleSets.publish(version, who.getName(), reason);
            return "Published: new applications are now assessed with version " + version + ".";
        });
    }

    @GetMapping("/rule-sets/{version}/rollback")
    public String confirmRollBack(@PathVariable int version, Model model) {
        return confirmation(version, ROLL_BACK, model);
    }

    @PostMapping("/rule-sets/{version}/rollback")
    public String rollBack(@PathVariable int version, @RequestParam(required = false) String reason, Principal who,
                           Model model, RedirectAttributes flash, HttpServletResponse response) {
        if (reason == null || reason.isBlank() || reason.strip().length() > PublicationReason.LONGEST) {
            return refusedReason(version, ROLL_BACK, reason, model, response);
        }
        return step(version, flash, () -> {
            ruleSets.rollBack(version, who.getName(), reason);
            return "Rolled back: new applications are again assessed with version " + version + ".";
        });
    }

    @PostMapping("/rule-sets/{version}/discard")
    public String discard(@PathVariable int version, Principal who, RedirectAttributes flash) {
        return step(version, flash, () -> {
            ruleSets.discard(version, who.getName());
            return "Draft discarded: it stays listed, and is never published.";
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
            flash.addFlashAttribute("problem", "The what-if could not start. " + refused.getBody().getDetail());
            return "redirect:/policy/rule-sets/" + version;
        }
    }

    @GetMapping("/what-if/{id}")
    public String whatIf(@PathVariable UUID id, Model model) {
        WhatIfView run = whatIf.view(id, 0);
        WhatIfWords words = new WhatIfWords();
        model.addAttribute("run", run);
        model.addAttribute("progress", WhatIfProgress.text(run));
        model.addAttribute("words", words);
        model.addAttribute("outcomes", Outcome.values());
        if (run.summary() != null) {
            model.addAttribute("chartData", WhatIfCharts.data(run, words));
            model.addAttribute("outcomesSummary", WhatIfCharts.outcomesSummary(run, words));
            model.addAttribute("approvalRateSummary", WhatIfCharts.approvalRateSummary(run, words));
        }
        return "policy/what-if";
    }

    /** What the page's script polls while the run goes; it shows the page again once the run has ended. */
    @GetMapping(path = "/what-if/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Map<String, Object> whatIfProgress(@PathVariable UUID id) {
        WhatIfView run = whatIf.view(id, Integer.MAX_VALUE);
        return Map.of("status", run.status(), "done", run.done(), "total", run.total() == null ? 0 : run.total(),
                "percentDone", run.percentDone(), "text", WhatIfProgress.text(run));
    }

    @GetMapping("/what-if/{id}.csv")
    public void whatIfCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        WhatIfCsv.write(whatIf, id, response);
    }

    /** The page that says what publishing or rolling back will do, and asks why. */
    private String confirmation(int version, String action, Model model) {
        RuleSetRecord record = ruleSets.get(version);
        RuleSetRecord active = ruleSets.active();
        model.addAttribute("action", action);
        model.addAttribute("version", record);
        model.addAttribute("active", active);
        model.addAttribute("activeDecisions", ruleSets.decisionsMade(active));
        model.addAttribute("effect", whatIf.latestFinished(version).orElse(null));
        return "policy/confirm";
    }

    private String refusedReason(int version, String action, String reason, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("reason", reason);
        model.addAttribute("reasonError", reason == null || reason.isBlank()
                ? "Enter why you " + (PUBLISH.equals(action) ? "are publishing" : "are rolling back to") + " this version"
                : "The reason must be " + PublicationReason.LONGEST + " characters or fewer");
        return confirmation(version, action, model);
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
