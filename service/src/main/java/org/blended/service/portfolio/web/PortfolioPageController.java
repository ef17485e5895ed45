package org.blended.service.portfolio.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.portfolio.fairness.FairnessChecks;
import org.blended.service.portfolio.fairness.FairnessReport;
import org.blended.service.portfolio.funder.FunderReports;
import org.blended.service.portfolio.summary.PortfolioSummaries;
import org.blended.service.portfolio.summary.PortfolioSummary;
import org.blended.service.report.InvalidReportParameter;
import org.blended.service.report.ReportFilter;
import org.blended.service.report.ReportFilters;
import org.blended.service.review.people.Officers;
import org.blended.service.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portfolio page and its downloads: an officer reads their lender's, an admin every lender's (or
 * one's). A parameter that cannot be used is shown on the form, as the GOV.UK error pattern.
 */
@Controller
class PortfolioPageController {

    private final ReportFilters filters;
    private final PortfolioSummaries summaries;
    private final FairnessChecks fairness;
    private final FunderReports funderReports;
    private final Officers officers;
    private final LenderDirectory lenders;

    PortfolioPageController(ReportFilters filters, PortfolioSummaries summaries, FairnessChecks fairness,
                            FunderReports funderReports, Officers officers, LenderDirectory lenders) {
        this.filters = filters;
        this.summaries = summaries;
        this.fairness = fairness;
        this.funderReports = funderReports;
        this.officers = officers;
        this.lenders = lenders;
    }

    @GetMapping("/officer/portfolio")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String ruleSetVersion, @RequestParam(required = false) String lender,
                Authentication caller, Model model, HttpServletResponse response) {
        boolean officer = isOfficer(caller);
        PortfolioWords words = new PortfolioWords();
        model.addAttribute("officer", officer);
        model.addAttribute("words", words);
        model.addAttribute("lenders", officer ? List.<Lender>of() : lenders.all());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("ruleSetVersion", ruleSetVersion);
        model.addAttribute("lender", lender);
        try {
            ReportFilter filter = filters.of(confinedTo(caller), from, to, ruleSetVersion, lender);
            PortfolioSummary summary = summaries.summary(filter);
            FairnessReport checks = fairness.report(filter);
            model.addAttribute("summary", summary);
            model.addAttribute("fairness", checks);
            model.addAttribute("outcomeRows", OutcomeRow.of(summary));
            model.addAttribute("chartData", PortfolioCharts.data(summary, words));
            model.addAttribute("monthsSummary", PortfolioCharts.monthsSummary(summary, words));
            model.addAttribute("outcomesSummary", PortfolioCharts.outcomesSummary());
            model.addAttribute("matrixSummary", PortfolioCharts.matrixSummary(summary, words));
            model.addAttribute("from", filter.from().toString());
            model.addAttribute("to", filter.to().toString());
        } catch (InvalidReportParameter e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errorField", e.parameter());
            model.addAttribute("errorMessage", e.why());
        }
        return "officer/portfolio";
    }

    @GetMapping("/officer/portfolio/funder-report.csv")
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) String ruleSetVersion, @RequestParam(required = false) String lender,
             Authentication caller, HttpServletResponse response) throws IOException {
        FunderDownload.write(funderReports, filters.of(confinedTo(caller), from, to, ruleSetVersion, lender),
                FunderReports.Format.CSV, response, true);
    }

    @GetMapping("/officer/portfolio/funder-report.xlsx")
    void xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(required = false) String ruleSetVersion, @RequestParam(required = false) String lender,
              Authentication caller, HttpServletResponse response) throws IOException {
        FunderDownload.write(funderReports, filters.of(confinedTo(caller), from, to, ruleSetVersion, lender),
                FunderReports.Format.XLSX, response, true);
    }

    private static boolean isOfficer(Authentication caller) {
        return Role.OFFICER.heldBy(caller) || Role.SENIOR_OFFICER.heldBy(caller);
    }

    /** An officer reads their own lender's figures; an admin reads every lender's. */
    private UUID confinedTo(Authentication caller) {
        return isOfficer(caller) ? officers.of(caller).lenderId() : null;
    }
}
