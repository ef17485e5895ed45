package org.blended.service.review.report;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.blended.service.lender.Lender;
import org.blended.service.lender.LenderDirectory;
import org.blended.service.report.InvalidReportParameter;
import org.blended.service.report.ReportFilters;
import org.blended.service.report.ReportWords;
import org.blended.service.review.people.Officers;
import org.blended.service.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The overrides report page: an officer reads their lender's, a policy owner or rule author every
 * lender's (or one's). A parameter that cannot be used is shown on the form, as the GOV.UK error pattern.
 */
@Controller
class OverridesPageController {

    private final ReportFilters filters;
    private final OverridesReports reports;
    private final Officers officers;
    private final LenderDirectory lenders;

    OverridesPageController(ReportFilters filters, OverridesReports reports, Officers officers, LenderDirectory lenders) {
        this.filters = filters;
        this.reports = reports;
        this.officers = officers;
        this.lenders = lenders;
    }

    @GetMapping("/officer/reports/overrides")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String ruleSetVersion, @RequestParam(required = false) String lender,
                Authentication caller, Model model, HttpServletResponse response) {
        boolean officer = Role.OFFICER.heldBy(caller) || Role.SENIOR_OFFICER.heldBy(caller);
        UUID confinedTo = officer ? officers.of(caller).lenderId() : null;
        ReportWords words = new ReportWords();
        model.addAttribute("officer", officer);
        model.addAttribute("words", words);
        model.addAttribute("lenders", officer ? List.<Lender>of() : lenders.all());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("ruleSetVersion", ruleSetVersion);
        model.addAttribute("lender", lender);
        try {
            OverridesReport report = reports.report(filters.of(confinedTo, from, to, ruleSetVersion, lender));
            model.addAttribute("report", report);
            model.addAttribute("chartData", OverridesCharts.data(report, words));
            model.addAttribute("overridesSummary", OverridesCharts.overridesSummary(report, words));
            model.addAttribute("timesSummary", OverridesCharts.timesSummary(report, words));
            // the form shows the months read, defaults included
            model.addAttribute("from", report.scope().from().toString());
            model.addAttribute("to", report.scope().to().toString());
        } catch (InvalidReportParameter e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errorField", e.parameter());
            model.addAttribute("errorMessage", e.why());
        }
        return "officer/overrides-report";
    }
}
