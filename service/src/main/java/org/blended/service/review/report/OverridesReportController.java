package org.blended.service.review.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.blended.service.report.ReportFilters;
import org.blended.service.security.Caller;
import org.blended.service.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The overrides report for machines: a lender's key reads its own lender's, a policy owner's every lender's. */
@RestController
@RequestMapping("/api/v1/reports/overrides")
@Tag(name = "Reports", description = "What officers' final decisions say about the rules")
@ApiResponse(responseCode = "400", description = "A parameter cannot be used: which and why",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "A lender's key named another lender",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class OverridesReportController {

    static final String CSV = "text/csv";

    private final ReportFilters filters;
    private final OverridesReports reports;

    OverridesReportController(ReportFilters filters, OverridesReports reports) {
        this.filters = filters;
        this.reports = reports;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Overrides of automated decisions by officers",
            description = "Final decisions, overrides (a final outcome other than the automated one), the override rate and "
                    + "the median and 95th percentile time to a human decision (seconds from the case's opening), per "
                    + "month in the service's time zone and by criterion, override reason, direction, rule-set version "
                    + "and officer. Also as CSV with Accept: text/csv.")
    public OverridesReport overrides(@Parameter(description = "First month, YYYY-MM; default 11 months before to")
                                     @RequestParam(required = false) String from,
                                     @Parameter(description = "Last month, YYYY-MM; default this month")
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String ruleSetVersion,
                                     @Parameter(description = "A lender's code (policy owners); a lender's key reads its own")
                                     @RequestParam(required = false) String lender,
                                     @AuthenticationPrincipal Caller caller) {
        // a lender's key is confined to its lender; a policy owner's or rule author's key sees every lender
        return reports.report(filters.of(caller.role() == Role.LENDER ? caller.lenderId() : null, from, to,
                ruleSetVersion, lender));
    }

    @GetMapping(produces = CSV)
    public String overridesCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String ruleSetVersion,
                               @RequestParam(required = false) String lender, @AuthenticationPrincipal Caller caller) {
        return OverridesCsv.of(overrides(from, to, ruleSetVersion, lender, caller));
    }
}
