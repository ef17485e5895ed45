package org.blended.service.portfolio.web;

import java.io.IOException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.blended.service.portfolio.fairness.FairnessChecks;
import org.blended.service.portfolio.fairness.FairnessReport;
import org.blended.service.portfolio.funder.FunderReports;
import org.blended.service.portfolio.summary.PortfolioSummaries;
import org.blended.service.portfolio.summary.PortfolioSummary;
import org.blended.service.report.ReportFilter;
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

/** The portfolio for machines: a lender's key reads its own lender's, an admin's every lender's (or one's). */
@RestController
@RequestMapping("/api/v1/portfolio")
@Tag(name = "Portfolio", description = "A lender's decisions as a whole: outcomes, social value, funder reports, fairness")
@ApiResponse(responseCode = "400", description = "A parameter cannot be used: which and why",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "A lender's key named another lender",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class PortfolioApiController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportFilters filters;
    private final PortfolioSummaries summaries;
    private final FairnessChecks fairness;
    private final FunderReports funderReports;

    PortfolioApiController(ReportFilters filters, PortfolioSummaries summaries, FairnessChecks fairness,
                           FunderReports funderReports) {
        this.filters = filters;
        this.summaries = summaries;
        this.fairness = fairness;
        this.funderReports = funderReports;
    }

    @GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Applications, amounts and social value by outcome, per month, and the Outcomes Matrix",
            description = "Months are the service's time zone's. Final outcomes are a person's where one decided, the "
                    + "automated one until then. Social value counts approved applications (final outcome) only.")
    public PortfolioSummary summary(@Parameter(description = "First month, YYYY-MM; default 11 months before to")
                                    @RequestParam(required = false) String from,
                                    @Parameter(description = "Last month, YYYY-MM; default this month")
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String ruleSetVersion,
                                    @Parameter(description = "A lender's code (admins); a lender's key reads its own")
                                    @RequestParam(required = false) String lender,
                                    @AuthenticationPrincipal Caller caller) {
        return summaries.summary(filter(from, to, ruleSetVersion, lender, caller));
    }

    @GetMapping(path = "/fairness", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approval rates by legal form, size band, region, deprivation decile and rule-set version",
            description = "Per month and over the period, with counts. A group is flagged when its rate is under the "
                    + "configured share of the overall rate with at least the configured number of applications. "
                    + "No protected characteristic is collected or inferred.")
    public FairnessReport fairness(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String ruleSetVersion,
                                   @RequestParam(required = false) String lender, @AuthenticationPrincipal Caller caller) {
        return fairness.report(filter(from, to, ruleSetVersion, lender, caller));
    }

    @GetMapping(path = "/funder-report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The funder report: one row per approved application, with totals, streamed",
            description = "Also as CSV (Accept: text/csv) and xlsx (Accept: " + XLSX + "). The same period and "
                    + "rule-set version give the same rows in the same order.")
    public void funderReportJson(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String ruleSetVersion,
                                 @RequestParam(required = false) String lender, @AuthenticationPrincipal Caller caller,
                                 HttpServletResponse response) throws IOException {
        FunderDownload.write(funderReports, filter(from, to, ruleSetVersion, lender, caller), FunderReports.Format.JSON,
                response, false);
    }

    @GetMapping(path = "/funder-report", produces = "text/csv")
    public void funderReportCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String ruleSetVersion,
                                @RequestParam(required = false) String lender, @AuthenticationPrincipal Caller caller,
                                HttpServletResponse response) throws IOException {
        FunderDownload.write(funderReports, filter(from, to, ruleSetVersion, lender, caller), FunderReports.Format.CSV,
                response, true);
    }

    @GetMapping(path = "/funder-report", produces = XLSX)
    public void funderReportXlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String ruleSetVersion,
                                 @RequestParam(required = false) String lender, @AuthenticationPrincipal Caller caller,
                                 HttpServletResponse response) throws IOException {
        FunderDownload.write(funderReports, filter(from, to, ruleSetVersion, lender, caller), FunderReports.Format.XLSX,
                response, true);
    }

    /** A lender's key is confined to its lender; an admin's key reads every lender's, or the one named. */
    private ReportFilter filter(String from, String to, String ruleSetVersion, String lender, Caller caller) {
        UUID confinedTo = caller.role() == Role.LENDER ? caller.lenderId() : null;
        return filters.of(confinedTo, from, to, ruleSetVersion, lender);
    }
}
