package org.blended.service.ruleset.web;

import org.blended.service.ruleset.build.ValidationReport;
import org.blended.service.ruleset.lifecycle.ExpectationAcceptance;
import org.blended.service.ruleset.lifecycle.RuleSets;
import org.blended.service.ruleset.store.AcceptedChange;
import org.blended.service.ruleset.store.RuleSetFiles;
import org.blended.service.ruleset.store.RuleSetNotFoundException;
import org.blended.service.ruleset.store.RuleSetRecord;
import org.blended.service.ruleset.upload.RuleSetUpload;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.blended.service.security.Caller;
import org.blended.service.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Rule sets for policy owners: download, upload a draft, validate, approve, publish, roll back. */
@RestController
@RequestMapping(path = "/api/v1/rule-sets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rule sets", description = "Versions of the rules, their tables and Test Scenarios, and their life cycle")
class RuleSetController {

    private final RuleSets ruleSets;
    private final ExpectationAcceptance acceptance;

    public RuleSetController(RuleSets ruleSets, ExpectationAcceptance acceptance) {
        this.ruleSets = ruleSets;
        this.acceptance = acceptance;
    }

    /** Which failing scenarios to accept: {@code file} and {@code index}, or {@code criterion}, or {@code all}. */
    record AcceptanceRequest(String file, Integer index, String criterion, Boolean all) {
    }

    @GetMapping
    @Operation(summary = "Every version, newest first")
    public List<RuleSetView> list() {
        int active = ruleSets.active().version();
        return ruleSets.all().stream().map(r -> RuleSetView.of(r, r.version() == active, summary(r), null, null, null, null))
                .toList();
    }

    @GetMapping("/{version}")
    @Operation(summary = "One version (a number, or 'active') with its files and history")
    public RuleSetView get(@PathVariable String version) {
        RuleSetRecord r = resolve(version);
        return RuleSetView.of(r, r.version() == ruleSets.active().version(), summary(r), ruleSets.decisionsMade(r),
                ruleSets.files(r.version()), ruleSets.history(r.version()), ruleSets.acceptedChanges(r.version()));
    }

    @GetMapping(path = "/{version}/files/{name}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download one file: a decision table opens in a spreadsheet")
    public ResponseEntity<byte[]> file(@PathVariable String version, @PathVariable String name) {
        RuleSetRecord r = resolve(version);
        return RuleSetFiles.download(RuleSetFiles.named(ruleSets.files(r.version()), r.version(), name));
    }

    @GetMapping(path = "/{version}/bundle", produces = "application/zip")
    @Operation(summary = "Download the whole version as a .zip bundle")
    public ResponseEntity<byte[]> bundle(@PathVariable String version) {
        RuleSetRecord r = resolve(version);
        return RuleSetFiles.bundle(r, ruleSets.files(r.version()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a new draft", description = "Part 'file' (one or more): an edited decision table "
            + "(.csv or .xlsx), DRL file or .scesim replaces the file of the same name in the version it is based on "
            + "(the active one unless basedOn is given); a .zip is a whole bundle. Answers 201 with the draft. "
            + "A policy owner may change only values (the cells of a table's rule rows, Test Scenarios): other "
            + "changes answer 403 and need a RULE_AUTHOR. A cell its column cannot take answers 400.")
    public ResponseEntity<RuleSetView> upload(@RequestParam("file") List<MultipartFile> files,
                                              @RequestParam(required = false) Integer basedOn,
                                              @RequestParam(required = false) String note,
                                              Authentication caller) throws IOException {
        RuleSetRecord draft = ruleSets.upload(basedOn, uploads(files), note, caller.getName(), Role.RULE_AUTHOR.heldBy(caller));
        return ResponseEntity.created(URI.create("/api/v1/rule-sets/" + draft.version())).body(get(String.valueOf(draft.version())));
    }

    @PostMapping("/{version}/validation")
    @Operation(summary = "Validate: content check, compile, and every Test Scenario; the report is kept")
    public ValidationReport validate(@PathVariable int version, @AuthenticationPrincipal Caller caller) {
        return ruleSets.validate(version, caller.getName());
    }

    @GetMapping("/{version}/validation")
    @Operation(summary = "The last validation report")
    public ResponseEntity<ValidationReport> lastValidation(@PathVariable int version) {
        ValidationReport report = ruleSets.lastValidation(version);
        return report == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(report);
    }

    @PostMapping(path = "/{version}/scenarios/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept the draft's values as the expectations of failing Test Scenarios",
            description = "Body: {\"file\": \"criteria.scesim\", \"index\": 3} for one scenario, {\"criterion\": \"F1\"} for "
                    + "the failing scenarios whose description starts with that code, or {\"all\": true}. Each failed "
                    + "expected value of the last validation is written into the draft's .scesim as the value the draft "
                    + "gave; every change is recorded. The draft must then be validated again.")
    public ExpectationAcceptance.Accepted accept(@PathVariable int version, @RequestBody AcceptanceRequest request,
                                                 @AuthenticationPrincipal Caller caller) {
        return acceptance.accept(version, ExpectationAcceptance.Selection.of(request.file(), request.index(),
                request.criterion(), request.all()), caller.getName());
    }

    @GetMapping("/{version}/scenarios/accepted")
    @Operation(summary = "The expectations accepted from the draft's own values, oldest first")
    public List<AcceptedChange> accepted(@PathVariable int version) {
        return ruleSets.acceptedChanges(version);
    }

    @PostMapping("/{version}/approval")
    @Operation(summary = "Approve a validated draft (a policy owner other than its author)")
    public RuleSetView approve(@PathVariable int version, @AuthenticationPrincipal Caller caller) {
        ruleSets.approve(version, caller.getName());
        return get(String.valueOf(version));
    }

    @PostMapping("/{version}/publication")
    @Operation(summary = "Publish a validated draft: every instance switches to it within seconds, without a restart",
            description = "Needs a reason, as JSON {\"reason\": \"...\"} or the form field reason, kept in the version's "
                    + "history; 400 without one.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PublicationReason.class)))
    public RuleSetView publish(@PathVariable int version, @RequestParam(required = false) String reason,
                               @RequestBody(required = false) String body, @AuthenticationPrincipal Caller caller) {
        ruleSets.publish(version, caller.getName(), PublicationReason.required(reason, body, "publish"));
        return get(String.valueOf(version));
    }

    @PostMapping("/{version}/rollback")
    @Operation(summary = "Make an earlier published version active again",
            description = "Needs a reason, as JSON {\"reason\": \"...\"} or the form field reason, kept in the version's "
                    + "history; 400 without one.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = PublicationReason.class)))
    public RuleSetView rollBack(@PathVariable int version, @RequestParam(required = false) String reason,
                                @RequestBody(required = false) String body, @AuthenticationPrincipal Caller caller) {
        ruleSets.rollBack(version, caller.getName(), PublicationReason.required(reason, body, "roll back"));
        return get(String.valueOf(version));
    }

    @PostMapping("/{version}/discard")
    @Operation(summary = "Set a draft aside for good")
    public RuleSetView discard(@PathVariable int version, @AuthenticationPrincipal Caller caller) {
        ruleSets.discard(version, caller.getName());
        return get(String.valueOf(version));
    }

    private RuleSetRecord resolve(String version) {
        if ("active".equals(version)) {
            return ruleSets.active();
        }
        try {
            return ruleSets.get(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            throw new RuleSetNotFoundException(version);
        }
    }

    private String summary(RuleSetRecord r) {
        ValidationReport report = ruleSets.lastValidation(r);
        return report == null ? null : report.summary();
    }

    static List<RuleSetUpload> uploads(List<MultipartFile> files) throws IOException {
        List<RuleSetUpload> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            if (!file.isEmpty()) {
                uploads.add(new RuleSetUpload(file.getOriginalFilename() == null ? file.getName()
                        : file.getOriginalFilename(), file.getBytes()));
            }
        }
        return uploads;
    }
}
