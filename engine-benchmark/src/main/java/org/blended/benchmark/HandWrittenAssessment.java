package org.blended.benchmark;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.blended.rules.application.Adjustments;
import org.blended.rules.application.Application;
import org.blended.rules.application.BeneficiaryGroup;
import org.blended.rules.application.Board;
import org.blended.rules.application.Claim;
import org.blended.rules.application.EvidenceGrade;
import org.blended.rules.application.LegalForm;
import org.blended.rules.application.Measure;
import org.blended.rules.application.RiskLevel;
import org.blended.rules.application.Purpose;
import org.blended.rules.assessment.FinancialBand;
import org.blended.rules.assessment.ImpactBand;
import org.blended.rules.assessment.Metrics;
import org.blended.rules.assessment.NetClaim;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Reason;
import org.blended.rules.assessment.Theme;

/**
 * The baseline of the engine benchmark: the thresholds, points and matrix of the shipped rule
 * set written out by hand in plain Java, producing a reason (code and text) for each criterion.
 * It exists only to measure what the engine costs; the rule base stays the single source of truth.
 */
final class HandWrittenAssessment {

    private static final Set<LegalForm> SOCIAL_FORMS = EnumSet.of(LegalForm.CIC, LegalForm.CIO, LegalForm.CHARITY, LegalForm.CBS);
    private static final Set<BeneficiaryGroup> PRIORITY_GROUPS = EnumSet.of(BeneficiaryGroup.NEET,
            BeneficiaryGroup.LONG_TERM_UNEMPLOYED, BeneficiaryGroup.EX_OFFENDERS, BeneficiaryGroup.HOMELESS_PEOPLE,
            BeneficiaryGroup.DISABLED_PEOPLE, BeneficiaryGroup.CARE_LEAVERS, BeneficiaryGroup.REFUGEES_MIGRANTS,
            BeneficiaryGroup.PEOPLE_WITH_ADDICTIONS, BeneficiaryGroup.PEOPLE_WITH_MENTAL_HEALTH_NEEDS,
            BeneficiaryGroup.VICTIMS_OF_ABUSE);

    private final List<Reason> reasons = new ArrayList<>();
    private FinancialBand worst = FinancialBand.GREEN;
    /** Secured asset finance: the worst of F3 and F4 apart, which can at worst make the band amber. */
    private boolean assetFinance;
    private FinancialBand worstTurnoverOrHistory = FinancialBand.GREEN;
    private int socialPoints;
    private boolean hardStop;
    private boolean condition;
    private boolean governanceZero;

    record Result(Outcome outcome, List<Reason> reasons) {
    }

    static Result assess(Application a, LocalDate on) {
        return new HandWrittenAssessment().run(a, on);
    }

    private Result run(Application a, LocalDate on) {
        var request = a.getRequest();
        assetFinance = Boolean.TRUE.equals(request.getSecured()) && request.getTermMonths() >= 36
                && (request.getPurpose() == Purpose.ASSET_PURCHASE || request.getPurpose() == Purpose.PROPERTY
                    || request.getPurpose() == Purpose.DEVELOPMENT);
        Metrics m = Metrics.of(a, on, 7.0);
        eligibility(a, m);
        financial(a, m, on);
        impact(a, m);
        ImpactBand impact = socialPoints < 6 ? ImpactBand.LOW : socialPoints < 12 ? ImpactBand.MEDIUM
                : socialPoints < 18 ? ImpactBand.HIGH : ImpactBand.EXCEPTIONAL;
        FinancialBand financialBand = worst;
        if (assetFinance && worst == FinancialBand.GREEN && worstTurnoverOrHistory != FinancialBand.GREEN) {
            financialBand = FinancialBand.AMBER;
        }
        Outcome outcome = hardStop ? Outcome.DECLINE : matrix(financialBand, impact);
        if (governanceZero && (outcome == Outcome.APPROVE || outcome == Outcome.APPROVE_WITH_CONDITIONS)) {
            outcome = Outcome.REFER;
        }
        if ((outcome == Outcome.APPROVE || outcome == Outcome.APPROVE_WITH_CONDITIONS) && selfReportedHires(a)) {
            add(Reason.condition("D1-EVIDENCE-HIRES", "I5", Theme.EVIDENCE), "Priority-group hires are self-reported.");
            condition = true;
        }
        if (outcome == Outcome.APPROVE && condition) {
            outcome = Outcome.APPROVE_WITH_CONDITIONS;
        }
        if (outcome == Outcome.DECLINE) {
            add(Reason.note("D1-READINESS", "D1", Theme.DECISION), "Declined: refer to investment readiness support.");
        }
        return new Result(outcome, reasons);
    }

    private void eligibility(Application a, Metrics m) {
        var applicant = a.getApplicant();
        LegalForm form = applicant.getLegalForm();
        boolean lock = Boolean.TRUE.equals(applicant.getAssetLock());
        if (SOCIAL_FORMS.contains(form)) {
            add(Reason.note("E1-SOCIAL-FORM", "E1", Theme.ELIGIBILITY), "Legal form " + form + " is a regulated form.");
            if (!lock) {
                stop("E2-NO-ASSET-LOCK", "E2", "No asset lock declared.");
            }
        } else if (form == LegalForm.CLG || form == LegalForm.CLS) {
            if (lock) {
                add(Reason.note("E1-LOCKED-COMPANY", "E1", Theme.ELIGIBILITY), "Legal form " + form + " with an asset lock.");
            } else {
                stop("E1-UNLOCKED-COMPANY", "E1", "Legal form " + form + " without an asset lock.");
            }
        } else if (form == LegalForm.OTHER) {
            condition("E1-OTHER-FORM", "E1", "An officer must confirm social objects.");
        } else {
            stop("E1-INELIGIBLE-FORM", "E1", "Legal form " + form + " is not eligible.");
        }
        if (applicant.getMaxProfitDistributionPct() != null) {
            double pct = applicant.getMaxProfitDistributionPct().doubleValue();
            double cap = form == LegalForm.CIC ? 35 : 50;
            if (pct > cap) {
                stop("E2-DISTRIBUTION-OVER-CAP", "E2", "Up to " + pct + "% may be distributed; the cap is " + cap + "%.");
            }
        }
        if (Boolean.FALSE.equals(applicant.getPowerToBorrow())) {
            condition("E3-NO-POWER-TO-BORROW", "E3", "No power to borrow: add it before drawdown.");
        }
        if (Boolean.TRUE.equals(a.getRequest().getSecured()) && Boolean.FALSE.equals(applicant.getPowerToCharge())) {
            stop("E3-NO-POWER-TO-CHARGE", "E3", "No power to charge assets for a secured loan.");
        }
        if (form != LegalForm.CHARITY && form != LegalForm.CIO && m.getTradedIncomePct() != null) {
            if (m.getTradedIncomePct() < 50) {
                condition("E4-LOW-TRADED-INCOME", "E4", "Traded income is " + m.getTradedIncomePct() + "%.");
            } else {
                add(Reason.note("E4-TRADING", "E4", Theme.ELIGIBILITY), "Traded income is " + m.getTradedIncomePct() + "%.");
            }
        }
        Board board = applicant.getBoard();
        if (board != null) {
            if (board.getMembers() != null && board.getMembers() < 3) {
                condition("G1-SMALL-BOARD", "G1", "The board has " + board.getMembers() + " members.");
            }
            int score = (board.getMembers() != null && board.getMembers() >= 5 ? 1 : 0)
                    + (board.getMeetingsPerYear() != null && board.getMeetingsPerYear() >= 4 ? 1 : 0)
                    + ("75-100".equals(board.getAttendanceBand()) ? 1 : 0);
            governanceZero = score == 0;
            add(Reason.points("G1-GOVERNANCE-" + score, "G1", Theme.GOVERNANCE, score), "Governance scores " + score + " of 3.");
        }
        if (Boolean.FALSE.equals(a.getRequest().getSecured()) && a.getRequest().getTermMonths() > 60) {
            add(Reason.note("F2-LONG-UNSECURED", "F2", Theme.FINANCIAL), "A long unsecured term.");
        }
    }

    private void financial(Application a, Metrics m, LocalDate on) {
        if (!m.isAccountsPresent()) {
            rate("F1-NO-ACCOUNTS", "F1", 0, FinancialBand.RED, "No year of accounts was sent.");
        }
        Double cover = m.getDebtServiceCover();
        if (cover != null) {
            if (cover < 1.0) {
                rate("F1-RED", "F1", 0, FinancialBand.RED, "Debt service cover is " + cover);
            } else if (cover < 1.25) {
                rate("F1-AMBER", "F1", 1, FinancialBand.AMBER, "Debt service cover is " + cover);
            } else {
                rate("F1-GREEN", "F1", 3, FinancialBand.GREEN, "Debt service cover is " + cover);
            }
        }
        double years = m.getTradingYears();
        if (assetFinance) {
            if (years < 1) {
                rate("F3-NEW-ASSET-OWNER", "F3", 0, FinancialBand.AMBER, "Trading history is " + years);
            } else {
                rate("F3-GREEN", "F3", 2, FinancialBand.GREEN, "Trading history is " + years);
            }
        } else if (years >= 0 && years < 1) {
            rate("F3-RED", "F3", 0, FinancialBand.RED, "Trading history is " + years);
        } else if (years >= 1 && years < 2) {
            rate("F3-AMBER", "F3", 1, FinancialBand.AMBER, "Trading history is " + years);
        } else if (years >= 2) {
            rate("F3-GREEN", "F3", 2, FinancialBand.GREEN, "Trading history is " + years);
        }
        Double turnover = m.getLoanToTurnover();
        if (m.isAccountsPresent() && turnover == null) {
            rate("F4-NO-TURNOVER", "F4", 0, FinancialBand.RED, "No income.");
        } else if (turnover != null && assetFinance) {
            if (turnover < 5.0001) {
                rate("F4-GREEN", "F4", 2, FinancialBand.GREEN, "The loan is " + turnover + " times turnover");
            } else if (turnover < 8.0001) {
                rate("F4-AMBER", "F4", 1, FinancialBand.AMBER, "The loan is " + turnover + " times turnover");
            } else {
                rate("F4-RED", "F4", 0, FinancialBand.RED, "The loan is " + turnover + " times turnover");
            }
        } else if (turnover != null) {
            if (turnover < 1.0001) {
                rate("F4-GREEN", "F4", 2, FinancialBand.GREEN, "The loan is " + turnover + " times turnover");
            } else if (turnover < 2.0001) {
                rate("F4-AMBER", "F4", 1, FinancialBand.AMBER, "The loan is " + turnover + " times turnover");
            } else {
                rate("F4-RED", "F4", 0, FinancialBand.RED, "The loan is " + turnover + " times turnover");
            }
        }
        Double reserves = m.getReservesMonths();
        if (reserves != null) {
            if (reserves < 1) {
                rate("F6-AMBER", "F6", 0, FinancialBand.AMBER, "Reserves cover " + reserves + " months");
            } else if (reserves < 3) {
                rate("F6-GREEN", "F6", 1, FinancialBand.GREEN, "Reserves cover " + reserves + " months");
            } else {
                rate("F6-STRONG", "F6", 2, FinancialBand.GREEN, "Reserves cover " + reserves + " months");
            }
        }
        Double ltv = m.getLoanToValuePct();
        if (ltv != null) {
            boolean development = a.getRequest().getPurpose() == org.blended.rules.application.Purpose.DEVELOPMENT;
            if (ltv <= 70 || (development && ltv <= 80)) {
                rate("F2-GREEN", "F2", 2, FinancialBand.GREEN, "Loan to value is " + ltv);
            } else if (ltv <= 80) {
                rate("F2-AMBER", "F2", 1, FinancialBand.AMBER, "Loan to value is " + ltv);
            } else {
                rate("F2-RED", "F2", 0, FinancialBand.RED, "Loan to value is " + ltv);
            }
        }
        var financials = a.getFinancials();
        if (financials.getLargestFunderSharePct() != null) {
            double share = financials.getLargestFunderSharePct().doubleValue();
            if (share > 50) {
                rate("F5-CONCENTRATED", "F5", 0, FinancialBand.AMBER, "The largest funder provides " + share + "%.");
            }
            if (share >= 25 && financials.getLargestFunderEnds() != null && YearMonth.parse(financials.getLargestFunderEnds())
                    .isBefore(YearMonth.from(on).plusMonths(a.getRequest().getTermMonths()))) {
                condition("F5-FUNDER-ENDS", "F5", "The main funder ends within the term.");
            }
        }
    }

    private void impact(Application a, Metrics m) {
        var impact = a.getImpact();
        if (impact.getOutcomeAreas().isEmpty()) {
            social("I1-NO-OUTCOMES", "I1", Theme.IMPACT_WHAT, 0, "No outcome area named.");
        } else if (impact.getTheoryOfChange() != null && impact.getTheoryOfChange().trim().length() >= 40) {
            social("I1-CLEAR", "I1", Theme.IMPACT_WHAT, 2, "Outcome areas " + impact.getOutcomeAreas() + " with a theory of change.");
        } else {
            social("I1-NO-THEORY", "I1", Theme.IMPACT_WHAT, 1, "Outcome areas without a theory of change.");
        }
        Integer decile = impact.getAreaDeprivationDecile();
        if (decile != null) {
            int points = decile <= 2 ? 3 : decile == 3 ? 2 : 0;
            social(decile <= 2 ? "I2-MOST-DEPRIVED" : decile == 3 ? "I2-DEPRIVED" : "I2-OTHER-AREA", "I2", Theme.IMPACT_WHO,
                    points, "Deprivation decile " + decile);
        }
        if (impact.getBeneficiaryGroups().stream().anyMatch(PRIORITY_GROUPS::contains)) {
            social("I2-PRIORITY-GROUPS", "I2", Theme.IMPACT_WHO, 2, "Groups " + impact.getBeneficiaryGroups());
        }
        Double reach = m.getPeoplePer10k();
        if (reach != null) {
            int points = reach < 1 ? 0 : reach < 5 ? 1 : reach < 20 ? 2 : 3;
            social("I3-REACH-" + points, "I3", Theme.IMPACT_HOW_MUCH, points, "People per 10k: " + reach);
        }
        for (Claim claim : impact.getClaims()) {
            double weight = switch (claim.getEvidence()) {
                case SELF_REPORTED -> 0.5;
                case RECORDS -> 0.8;
                case INDEPENDENTLY_VERIFIED -> 1.0;
            };
            NetClaim net = new NetClaim(claim.getMeasure(), claim.getValue().doubleValue(),
                    factor(claim.getMeasure(), impact.getAdjustments()), claim.getEvidence(), weight);
            int points = claimPoints(net.getMeasure(), net.getNet());
            if (points > 0) {
                social("CLAIM-" + net.getMeasure(), "I4", Theme.IMPACT_HOW_MUCH, points, net.getWorking());
            }
            if (net.getEvidence() == EvidenceGrade.SELF_REPORTED) {
                add(Reason.note("I11-SELF-REPORTED-" + net.getMeasure(), "I11", Theme.EVIDENCE), "Self-reported.");
            }
        }
        var risks = impact.getImpactRisks();
        if (risks != null && (risks.getEvidence() == RiskLevel.HIGH || risks.getExecution() == RiskLevel.HIGH
                || risks.getDropOff() == RiskLevel.HIGH || risks.getExternal() == RiskLevel.HIGH)) {
            social("I10-HIGH-RISK", "I10", Theme.IMPACT_RISK, -2, "A high impact risk.");
        }
        boolean declined = !a.getRequest().getDeclinedElsewhere().isEmpty();
        social(declined ? "E5-ADDITIONAL" : "E5-NOT-SHOWN", "E5", Theme.CONTRIBUTION, declined ? 2 : 0, "Additionality.");
        Integer voice = impact.getStakeholderVoice();
        if (voice != null) {
            social("I12-VOICE-" + voice, "I12", Theme.STAKEHOLDERS, voice == 3 ? 2 : voice == 2 ? 1 : 0, "Voice " + voice);
        }
    }

    private static int claimPoints(Measure measure, double net) {
        return switch (measure) {
            case JOBS_CREATED -> net >= 2 ? 2 : net >= 0.01 ? 1 : 0;
            case JOBS_MAINTAINED -> net >= 5 ? 2 : net >= 0.01 ? 1 : 0;
            case PRIORITY_GROUP_HIRES -> net >= 1 ? 3 : net >= 0.01 ? 1 : 0;
            case LOCAL_SPEND -> net >= 50000 ? 2 : net >= 1000 ? 1 : 0;
            case LIVING_WAGE_STAFF -> net >= 100 ? 2 : net >= 50 ? 1 : 0;
            case GHG_AVOIDED -> net >= 50 ? 3 : net >= 0.01 ? 1 : 0;
            case PEOPLE_SUPPORTED -> net >= 1 ? 1 : 0;
        };
    }

    private static double factor(Measure measure, Adjustments adjustments) {
        return NetClaim.contributionFactor(measure, adjustments);
    }

    private static boolean selfReportedHires(Application a) {
        return a.getImpact().getClaims().stream().anyMatch(c -> c.getMeasure() == Measure.PRIORITY_GROUP_HIRES
                && c.getEvidence() == EvidenceGrade.SELF_REPORTED && c.getValue().signum() > 0);
    }

    private static Outcome matrix(FinancialBand financial, ImpactBand impact) {
        return switch (financial) {
            case GREEN -> impact == ImpactBand.LOW ? Outcome.REFER : Outcome.APPROVE;
            case AMBER -> switch (impact) {
                case LOW -> Outcome.DECLINE;
                case MEDIUM -> Outcome.REFER;
                default -> Outcome.APPROVE_WITH_CONDITIONS;
            };
            case RED -> impact == ImpactBand.HIGH || impact == ImpactBand.EXCEPTIONAL ? Outcome.REFER : Outcome.DECLINE;
        };
    }

    private void rate(String code, String criterion, int points, FinancialBand band, String text) {
        add(Reason.points(code, criterion, Theme.FINANCIAL, points).rated(band), text);
        boolean turnoverOrHistory = assetFinance && (criterion.equals("F3") || criterion.equals("F4"));
        if (turnoverOrHistory && band.ordinal() > worstTurnoverOrHistory.ordinal()) {
            worstTurnoverOrHistory = band;
        } else if (!turnoverOrHistory && band.ordinal() > worst.ordinal()) {
            worst = band;
        }
    }

    private void social(String code, String criterion, Theme theme, int points, String text) {
        add(Reason.points(code, criterion, theme, points), text);
        socialPoints += points;
    }

    private void stop(String code, String criterion, String text) {
        add(Reason.hardStop(code, criterion, Theme.ELIGIBILITY), text);
        hardStop = true;
    }

    private void condition(String code, String criterion, String text) {
        add(Reason.condition(code, criterion, Theme.ELIGIBILITY), text);
        condition = true;
    }

    private void add(Reason reason, String text) {
        reasons.add(reason.says(text, text));
    }
}
