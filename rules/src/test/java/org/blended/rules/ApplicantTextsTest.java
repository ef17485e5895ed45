package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.Reason;
import org.blended.rules.assessment.Reason.Wording;
import org.junit.jupiter.api.Test;

/**
 * What an applicant reads is true and plain: no catalogue code, money as money, and a figure says
 * whose it is (theirs or our threshold). Officers' texts may keep codes and exact figures.
 */
class ApplicantTextsTest {

    static final Pattern CODE = Pattern.compile("\\b[EFGID]\\d+\\b");
    /** A long number without thousands separators: money left unformatted. */
    static final Pattern RAW_NUMBER = Pattern.compile("\\d{5,}");
    /** A placeholder left unrendered, or a figure Java wrote with a trailing ".0". */
    static final Pattern MACHINE = Pattern.compile("\\{\\d|\\d\\.0\\b|\\d\\.\\d{3,}");

    @Test
    void noApplicantTextOfAnyExampleCarriesACodeOrAnUnformattedFigure() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String file : examples()) {
            for (LocalDate on : List.of(LocalDate.of(2026, 11, 25), LocalDate.of(2031, 11, 25))) {
                for (Reason r : assess(file, on).getReasons()) {
                    String text = r.getApplicantText();
                    String where = file + " on " + on + ", " + r.getCode() + ": \"" + text + "\"";
                    if (text == null || text.isBlank()) {
                        offenders.add(where + " (no applicant text)");
                    } else if (CODE.matcher(text).find()) {
                        offenders.add(where + " (a catalogue code)");
                    } else if (RAW_NUMBER.matcher(text).find()) {
                        offenders.add(where + " (a long number without separators)");
                    } else if (MACHINE.matcher(text).find()) {
                        offenders.add(where + " (a figure as a machine writes it)");
                    }
                }
            }
        }
        assertThat(offenders).as("applicant texts that are not plain").isEmpty();
    }

    @Test
    void aProfitDistributionCapNamesTheirShareAndOurs() throws IOException {
        // sole-trader-cafe.json may distribute 100%; we lend where at most 50% may be paid out
        assertThat(reason(assess("sole-trader-cafe.json"), "E2-DISTRIBUTION-OVER-CAP").getApplicantText())
                .isEqualTo("Your rules let you pay out up to 100% of your profits; we lend to organisations that may pay out at most 50%.");
    }

    @Test
    void reservesAndFunderSharesNameTheirFigureAndOurs() throws IOException {
        assertThat(reason(assess("thin-margin-cafe-cic.json"), "F6-AMBER").getApplicantText())
                .matches("Your free reserves would cover (less than a week|(about|more than) \\d weeks?) of spending; we look for at least 1 month\\.");
        assertThat(reason(assess("youth-boxing-charity.json"), "F5-CONCENTRATED").getApplicantText())
                .matches("\\d+(\\.\\d)?% of your income comes from your largest funder; we look for no more than 50% .*");
    }

    @Test
    void socialValueInMoneyReadsAsPounds() throws IOException {
        Assessment energy = assess("community-energy-cbs.json");
        assertThat(reason(energy, "SV-GHG_AVOIDED").getApplicantText()).isEqualTo("We value this outcome at about £70,200 a year.");
        assertThat(reason(energy, "SV-TOTAL").getApplicantText())
                .isEqualTo("The outcomes we can value are worth about £70,200 a year, or about 28p for every pound you asked for.");
        // the officer keeps the exact figures
        assertThat(reason(energy, "SV-TOTAL").getText()).contains("GBP 70200");
    }

    @Test
    void theConditionsOfAnApprovalReadAsWhatWeWillAsk() throws IOException {
        List<String> notAsked = new ArrayList<>();
        for (String file : examples()) {
            for (Reason r : assess(file).getReasons()) {
                if (r.getEffect() == Effect.CONDITION && !r.getApplicantText().toLowerCase(java.util.Locale.UK).contains("we will ask")) {
                    notAsked.add(file + ", " + r.getCode() + ": " + r.getApplicantText());
                }
            }
        }
        assertThat(notAsked).as("conditions that do not read as what we will ask").isEmpty();
        // conditions no example meets: a sound application with a small board, no power to borrow,
        // little traded income, another legal form and a long unsecured term
        var application = RuleBase.sound();
        application.getApplicant().getBoard().setMembers(2);
        application.getApplicant().setPowerToBorrow(false);
        application.getApplicant().setLegalForm(org.blended.rules.application.LegalForm.OTHER);
        application.getFinancials().getLatestYear().setTradedIncome(RuleBase.gbp(120_000));
        application.getRequest().setTermMonths(84);
        Assessment assessment = RuleBase.assess(application);
        assertThat(RuleBase.conditions(assessment)).extracting(Reason::getCode)
                .contains("G1-SMALL-BOARD", "E3-NO-POWER-TO-BORROW", "E4-LOW-TRADED-INCOME", "E1-OTHER-FORM");
        assertThat(RuleBase.conditions(assessment)).allSatisfy(r -> assertThat(r.getApplicantText()).as(r.getCode()).containsIgnoringCase("we will ask")
                .doesNotContainPattern(CODE).doesNotContainPattern(MACHINE));
        assertThat(reason(assessment, "G1-SMALL-BOARD").getApplicantText())
                .isEqualTo("Your board has 2 of the 3 members we look for; we will ask you to bring it to at least 3 before we pay out the loan.");
        assertThat(reason(assessment, "E4-LOW-TRADED-INCOME").getApplicantText())
                .startsWith("40% of your income comes from trading; we look for at least 50%.");
        assertThat(reason(assessment, "F2-LONG-UNSECURED").getApplicantText())
                .startsWith("You asked for 84 months without security; we usually lend unsecured for up to 60 months");
    }

    @Test
    void figuresAreWordedForPeople() {
        assertThat(Wording.money(43_875)).isEqualTo("£43,875");
        assertThat(Wording.money(1_234_567.4)).isEqualTo("£1,234,567");
        assertThat(Wording.money(2.5)).isEqualTo("£2.50");
        assertThat(Wording.money(12)).isEqualTo("£12");
        assertThat(Wording.money(0.13)).isEqualTo("13p");
        assertThat(Wording.percent(50.0)).isEqualTo("50%");
        assertThat(Wording.percent(37.46)).isEqualTo("37.5%");
        assertThat(Wording.percent(100)).isEqualTo("100%");
        // never more than the figure, so that a figure below our threshold reads as below it
        assertThat(Wording.monthsOfSpending(0.83)).isEqualTo("more than 3 weeks of spending");
        assertThat(Wording.monthsOfSpending(0.1)).isEqualTo("less than a week of spending");
        assertThat(Wording.monthsOfSpending(1.0)).isEqualTo("about a month of spending");
        assertThat(Wording.monthsOfSpending(1.4)).isEqualTo("more than a month of spending");
        assertThat(Wording.monthsOfSpending(2.9)).isEqualTo("more than 2.5 months of spending");
        assertThat(Wording.monthsOfSpending(3.0)).isEqualTo("about 3 months of spending");
        assertThat(Wording.monthsOfSpending(-0.5)).isEqualTo("none of your spending");
    }

    @Test
    void anOfficersTemplateKeepsTheFigureAndAnApplicantsWordsIt() {
        Reason reason = Reason.note("X", "X", null).says("GBP {0} ({1}%)", "about {0:money} ({1:percent}) {2:none}", 43875L, 50.0);
        assertThat(reason.getText()).isEqualTo("GBP 43875 (50.0%)");
        assertThat(reason.getApplicantText()).isEqualTo("about £43,875 (50%) {2:none}");
    }

    private static List<String> examples() throws IOException {
        try (var listing = Files.list(ExampleApplicationsTest.EXAMPLES)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    private static Assessment assess(String file) throws IOException {
        return assess(file, RuleBase.ASSESSED_ON);
    }

    private static Assessment assess(String file, LocalDate on) throws IOException {
        return ExampleApplicationsTest.assess(ExampleApplicationsTest.read(file), on);
    }

    private static Reason reason(Assessment assessment, String code) {
        return RuleBase.reason(assessment, code);
    }
}
