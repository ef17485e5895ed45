package org.blended.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Application;
import org.blended.rules.assessment.Assessment;
import org.blended.rules.assessment.Effect;
import org.blended.rules.assessment.Outcome;
import org.blended.rules.assessment.Reason;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.StatelessKieSession;

/** Every example application gets its recorded outcome, now and five years on, with a reason for every point. */
class ExampleApplicationsTest {

    static final Path EXAMPLES = Path.of("..", "examples", "applications");
    static final KieBase RULES = KieServices.get().getKieClasspathContainer().getKieBase("blended");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TestFactory
    List<DynamicTest> eachExampleGetsItsExpectedOutcome() throws IOException {
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve("expected-outcomes.properties"))) {
            expected.load(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : expected.stringPropertyNames().stream().sorted().toList()) {
            Outcome outcome = Outcome.valueOf(expected.getProperty(file).trim());
            tests.add(DynamicTest.dynamicTest(file, () -> {
                for (LocalDate on : List.of(LocalDate.of(2026, 11, 25), LocalDate.of(2031, 11, 25))) {
                    Assessment assessment = assess(read(file), on);
                    assertThat(assessment.getOutcome()).as(file + " on " + on + ": " + assessment.getReasons()).isEqualTo(outcome);
                }
            }));
        }
        assertThat(expected.stringPropertyNames()).as("an example for every outcome")
                .extracting(expected::getProperty).map(String::trim)
                .containsAll(List.of("APPROVE", "APPROVE_WITH_CONDITIONS", "REFER", "DECLINE"));
        return tests;
    }

    @Test
    void everyExampleHasARecordedOutcomeAndItsOwnLenderReference() throws IOException {
        Properties expected = new Properties();
        try (InputStream in = Files.newInputStream(EXAMPLES.resolve("expected-outcomes.properties"))) {
            expected.load(in);
        }
        List<String> files;
        try (var listing = Files.list(EXAMPLES)) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("example applications").hasSizeGreaterThanOrEqualTo(6);
        assertThat(expected.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(files);
        List<String> references = new ArrayList<>();
        for (String file : files) {
            references.add(read(file).getLenderReference());
        }
        assertThat(references).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void everyReasonSaysWhyAndNamesItsRule() throws IOException {
        Assessment assessment = assess(read("bakery-cic.json"), LocalDate.of(2026, 11, 25));

        assertThat(assessment.getReasons()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getCode()).isNotBlank();
            assertThat(r.getCriterion()).isNotBlank();
            assertThat(r.getTheme()).isNotNull();
            assertThat(r.getText()).isNotBlank();
            assertThat(r.getApplicantText()).isNotBlank().doesNotContain(r.getCode());
            assertThat(r.getRule()).isNotBlank();
        });
        assertThat(assessment.getReasons()).filteredOn(r -> r.getCode().equals("F1-GREEN")).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains("1.45").contains("1.25"));
        assertThat(assessment.getReasons()).filteredOn(r -> r.getCode().equals("I4-JOBS-CREATED")).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains("3.0 FTE claimed").contains("1.69 after deadweight")
                        .contains("1.35 counted at 80%"));
        assertThat(assessment.getScores().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(assessment.getReasons().stream().filter(r -> r.getEffect() == Effect.POINTS).mapToInt(Reason::getPoints).sum());
    }

    @Test
    void onlyPublishedValuesPutSocialValueInMoneyAndOtherClaimsAreCountedNotPenalised() throws IOException {
        Assessment energy = assess(read("community-energy-cbs.json"), LocalDate.of(2026, 11, 25));
        Assessment bakery = assess(read("bakery-cic.json"), LocalDate.of(2026, 11, 25));

        // 400 tCO2e x (1 - 25%) x (1 - 10%) x 100% verified = 270 net, at GBP 260 (DESNZ carbon value)
        assertThat(energy.getSocialValueGbp()).isEqualTo(70_200.0);
        assertThat(energy.getSocialValuePerPound()).isEqualTo(0.28);
        assertThat(energy.getReasonCodes()).contains("SV-GHG_AVOIDED", "SV-TOTAL", "SV-COUNTED-LOCAL_SPEND");
        assertThat(bakery.getSocialValueGbp()).isNull();
        assertThat(bakery.getReasonCodes()).contains("SV-COUNTED-JOBS_CREATED").doesNotContain("SV-TOTAL");
    }

    @Test
    void aMainFunderEndingWithinTheTermIsAConditionAndConcentrationRatesAmber() throws IOException {
        Assessment boxing = assess(read("youth-boxing-charity.json"), LocalDate.of(2026, 11, 25));

        assertThat(boxing.getReasonCodes()).contains("F5-CONCENTRATED", "F5-FUNDER-ENDS");
        assertThat(assess(read("bakery-cic.json"), LocalDate.of(2026, 11, 25)).getReasonCodes()).doesNotContain("F5-");
    }

    @Test
    void aDeclineAlwaysPointsToReadinessSupport() throws IOException {
        Assessment assessment = assess(read("sole-trader-cafe.json"), LocalDate.of(2026, 11, 25));

        assertThat(assessment.getOutcome()).isEqualTo(Outcome.DECLINE);
        assertThat(assessment.getReasonCodes()).contains("E1-INELIGIBLE-FORM").endsWith("D1-READINESS");
    }

    @Test
    void theSameApplicationOnTheSameDateReadsTheSameEveryTime() throws IOException {
        String first = describe(assess(read("youth-boxing-charity.json"), LocalDate.of(2026, 11, 25)));
        for (int i = 0; i < 20; i++) {
            assertThat(describe(assess(read("youth-boxing-charity.json"), LocalDate.of(2026, 11, 25)))).isEqualTo(first);
        }
    }

    private static String describe(Assessment a) {
        return a.getOutcome() + " " + a.getFinancialBand() + " " + a.getImpactBand() + " " + a.getScores() + " "
                + a.getReasons().stream().map(r -> r.getCode() + r.getPoints() + r.getText() + r.getRule()).toList();
    }

    static Application read(String file) throws IOException {
        return JSON.readValue(EXAMPLES.resolve(file).toFile(), Application.class);
    }

    static Assessment assess(Application application, LocalDate on) {
        Assessment assessment = new Assessment(on);
        StatelessKieSession session = RULES.newStatelessKieSession();
        session.execute(List.of(application, assessment));
        return assessment;
    }
}
