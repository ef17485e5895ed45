package org.blended.service.application;

import org.blended.service.decision.ApplicationView;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.blended.integration.submission.IntakeRoutes;
import org.blended.rules.application.Application;
import org.blended.service.decision.DecisionView;
import org.blended.service.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The REST intake and the read side of applications. Submissions go through the Camel REST intake route. */
@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Applications", description = "Submit applications and read their reasoned decisions")
@ApiResponse(responseCode = "400", description = "Invalid input: every offending field with why",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class ApplicationController {

    private final ProducerTemplate intake;
    private final ApplicationQueries queries;
    private final ApplicationSearch search;
    private final Clock clock;

    public ApplicationController(ProducerTemplate intake, ApplicationQueries queries, ApplicationSearch search, Clock clock) {
        this.intake = intake;
        this.queries = queries;
        this.search = search;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Find your applications, newest first",
            description = "Every filter is optional and they combine. Pages are keyset pages: pass a page's next as "
                    + "after for the next one; the last page has no next. A date (2025-01-31) is a whole day in the "
                    + "service's time zone; an instant (2025-01-31T09:00:00Z) is exact: receivedFrom inclusive, "
                    + "receivedTo exclusive.")
    @ApiResponse(responseCode = "200", description = "A page of applications and, unless it is the last, next")
    public ApplicationPage find(
            @AuthenticationPrincipal Caller caller,
            @Parameter(description = "The automated decision's outcome: APPROVE, APPROVE_WITH_CONDITIONS, REFER or DECLINE")
            @RequestParam(required = false) String outcome,
            @Parameter(description = "The review case's state: OPEN, ASSIGNED, AWAITING_APPROVAL, DECIDED, or NONE (no case)")
            @RequestParam(required = false) String reviewState,
            @Parameter(description = "Received at or after: a date (from its start) or an instant")
            @RequestParam(required = false) String receivedFrom,
            @Parameter(description = "Received before: a date (through its end, inclusive) or an instant (exclusive)")
            @RequestParam(required = false) String receivedTo,
            @Parameter(description = "How it reached us: REST, FILE or QUEUE") @RequestParam(required = false) String channel,
            @Parameter(description = "Only this batch's applications (the batch id)") @RequestParam(required = false) String batch,
            @Parameter(description = "Your reference, exactly") @RequestParam(required = false) String lenderReference,
            @Parameter(description = "The applicant's legal form, e.g. CIC or CHARITY") @RequestParam(required = false) String legalForm,
            @Parameter(description = "Text the legal name contains, any case") @RequestParam(required = false) String name,
            @Parameter(description = "The next of the page before") @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return search.find(caller.lenderId(), ApplicationFilter.parse(new ApplicationFilter.Raw(outcome, reviewState,
                receivedFrom, receivedTo, channel, batch, lenderReference, legalForm, name, after, limit), clock.getZone()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit an application", description = "Assesses the application with the active rule set "
            + "and stores the reasoned decision. Answers 201 with the decision and a Location header. "
            + "Sending a lenderReference you sent before stores nothing and answers 200 with the first decision.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Application.class))))
    @ApiResponse(responseCode = "201", description = "Assessed and stored")
    @ApiResponse(responseCode = "200", description = "This reference was decided before: the earlier decision, with alreadyDecided true")
    @ApiResponse(responseCode = "503", description = "Not assessed: the rule set could not finish (past its firing or time "
            + "limit, or failing); recorded as a rejection, nothing decided. Or the service is stopping or cannot store "
            + "decisions for now (with Retry-After).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<ApplicationView> submit(@RequestBody byte[] body, HttpServletRequest request,
                                                  @AuthenticationPrincipal Caller caller) {
        ApplicationView view;
        try {
            view = intake.requestBodyAndHeaders(IntakeRoutes.REST_INTAKE, body, Map.of(
                    IntakeRoutes.SOURCE, "rest:" + caller.name() + "@" + request.getRemoteAddr(),
                    IntakeRoutes.LENDER, caller.lenderId()), ApplicationView.class);
        } catch (CamelExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(view.applicationId()).toUri();
        if (Boolean.TRUE.equals(view.alreadyDecided())) { // the same reference again: its first decision, nothing new
            return ResponseEntity.ok().location(location).body(view);
        }
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application with its decision", description = "The automated decision, and beside it the "
            + "review case (reviewCase) and a person's final decision (finalDecision) when there are.")
    @ApiResponse(responseCode = "404", description = "No such application",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public ApplicationDetail application(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.detail(caller.lenderId(), id);
    }

    @GetMapping("/{id}/decision")
    @Operation(summary = "The reasoned decision on an application",
            description = "Outcome, rule-set version, scores by theme and every reason (code, criterion, theme, effect, text).")
    @ApiResponse(responseCode = "404", description = "No such application",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public DecisionView decision(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return queries.decision(caller.lenderId(), id);
    }
}
