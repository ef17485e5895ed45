package org.blended.service.portfolio.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

import org.blended.rules.assessment.Reason;
import org.blended.service.report.ReportWords;

/**
 * The portfolio's codes and figures in people's words: the Outcomes Matrix's outcome areas and
 * beneficiary groups as the matrix names them, measures with their units, money and rates.
 */
final class PortfolioWords {

    private static final ReportWords REPORT = new ReportWords();

    private static final Map<String, String> AREAS = Map.of(
            "EMPLOYMENT_EDUCATION_TRAINING", "Employment, training and education",
            "HOUSING_LOCAL_FACILITIES", "Housing and local facilities",
            "INCOME_FINANCIAL_INCLUSION", "Income and financial inclusion",
            "PHYSICAL_HEALTH", "Physical health",
            "MENTAL_HEALTH_WELLBEING", "Mental health and well-being",
            "FAMILY_FRIENDS_RELATIONSHIPS", "Family, friends and relationships",
            "CITIZENSHIP_COMMUNITY", "Citizenship and community",
            "ARTS_HERITAGE_SPORT_FAITH", "Arts, heritage, sport and faith",
            "CONSERVATION_NATURAL_ENVIRONMENT", "Conservation of the natural environment");

    private static final Map<String, String> MEASURES = Map.of(
            "PEOPLE_SUPPORTED", "People supported",
            "JOBS_CREATED", "Jobs created",
            "JOBS_MAINTAINED", "Jobs maintained",
            "PRIORITY_GROUP_HIRES", "Priority-group hires",
            "LOCAL_SPEND", "Local spend",
            "LIVING_WAGE_STAFF", "Staff on the real Living Wage",
            "GHG_AVOIDED", "Greenhouse gas avoided");

    public String area(String code) {
        return AREAS.getOrDefault(code, humane(code));
    }

    public String group(String code) {
        return switch (code) {
            case "NEET" -> "Not in education, employment or training";
            case "EX_OFFENDERS" -> "Ex-offenders";
            default -> humane(code);
        };
    }

    public String measure(String code) {
        return MEASURES.getOrDefault(code, humane(code));
    }

    /** A net figure with its unit: "12.5 FTE", "£40,000" for local spend, "3.2 tCO2e a year". */
    public String quantity(double net, String unit) {
        if ("GBP".equals(unit)) {
            return Reason.Wording.money(net);
        }
        NumberFormat number = NumberFormat.getNumberInstance(Locale.UK);
        number.setMaximumFractionDigits(net >= 100 ? 0 : 1);
        String shown = unit.equals("tCO2e per year") ? "tCO2e a year" : unit;
        return number.format(net) + " " + shown;
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        // "0p" is right for a price, not for a total of none
        return amount.signum() == 0 ? "£0" : Reason.Wording.money(amount.doubleValue());
    }

    public String percent(Double rate) {
        return REPORT.percent(rate);
    }

    public String outcome(String code) {
        return REPORT.outcome(code);
    }

    public String month(java.time.YearMonth month) {
        return REPORT.month(month);
    }

    /** "Sep 2026": a chart's axis has room for no more. */
    String shortMonth(java.time.YearMonth month) {
        return REPORT.shortMonth(month);
    }

    public String count(long number, String noun) {
        return String.format(Locale.UK, "%,d", number) + " " + noun + (number == 1 ? "" : "s");
    }

    private static String humane(String code) {
        if ("NOT_STATED".equals(code)) {
            return "Not stated";
        }
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
