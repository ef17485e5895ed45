package org.blended.integration.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import org.blended.rules.application.Application;
import org.blended.rules.application.LegalForm;
import org.junit.jupiter.api.Test;

class SubmissionReaderTest {

    private final SubmissionReader reader = new SubmissionReader(new ObjectMapper().findAndRegisterModules(),
            Validation.buildDefaultValidatorFactory());

    static final String VALID = """
            {"lenderReference": "T-1",
             "applicant": {"legalName": "Sparkbrook Community Bakery CIC", "legalForm": "CIC",
                           "incorporatedOn": "2019-04-01", "assetLock": true, "maxProfitDistributionPct": 35,
                           "powerToBorrow": true, "powerToCharge": false, "postcodesServed": ["B11"]},
             "request": {"type": "LOAN", "amount": 60000, "termMonths": 48, "purpose": "WORKING_CAPITAL",
                         "secured": false},
             "financials": {"years": [{"year": 2025, "income": 240000, "tradedIncome": 170000,
                            "expenditure": 228000, "surplus": 12000}]},
             "impact": {"claims": [{"measure": "JOBS_CREATED", "value": 3, "evidence": "RECORDS"}]}}
            """;

    @Test
    void readsAValidApplication() {
        Application application = reader.read(bytes(VALID));

        assertThat(application.getApplicant().getLegalForm()).isEqualTo(LegalForm.CIC);
        assertThat(application.getFinancials().getLatestYear().getIncome()).isEqualByComparingTo("240000");
    }

    @Test
    void listsEveryOffendingFieldAtOnce() {
        String json = VALID.replace("\"CIC\"", "\"LIMITED\"")
                .replace("\"amount\": 60000", "\"amount\": -5")
                .replace("\"termMonths\": 48,", "")
                .replace("\"assetLock\": true", "\"assetLock\": \"perhaps\"")
                .replace("\"year\": 2025,", "\"year\": 2025, \"turnover\": 1,");

        List<InvalidField> fields = refused(json);

        assertThat(fields).extracting(InvalidField::field).containsExactly(
                "applicant.assetLock", "applicant.legalForm", "financials.years[0].turnover",
                "request.amount", "request.termMonths");
        assertThat(fields.get(1).message()).startsWith("must be one of CIC, CIO, CHARITY").contains("LIMITED");
        assertThat(fields.get(2).message()).isEqualTo("is not a known field");
        assertThat(fields.get(3).message()).isEqualTo("must be greater than 0");
        assertThat(fields.get(4).message()).isEqualTo("must not be null");
    }

    @Test
    void reportsAnUnknownValueOnceNotAlsoAsMissing() {
        List<InvalidField> fields = refused(VALID.replace("\"WORKING_CAPITAL\"", "\"HOLIDAY\""));

        assertThat(fields).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("request.purpose");
            assertThat(f.message()).contains("HOLIDAY").contains("WORKING_CAPITAL");
        });
    }

    @Test
    void namesTheLineAndColumnOfMalformedJson() {
        List<InvalidField> fields = refused("{\n  \"lenderReference\": \"x\",\n  \"applicant\": {\n}");

        assertThat(fields).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("$");
            assertThat(f.message()).startsWith("is not valid JSON").contains("line 4");
        });
    }

    @Test
    void refusesAnEmptyBodyAndANonObject() {
        assertThat(refused("")).singleElement().extracting(InvalidField::field).isEqualTo("$");
        assertThat(refused("[]")).singleElement().extracting(InvalidField::field).isEqualTo("$");
        assertThat(refused("null")).singleElement().extracting(InvalidField::message).asString()
                .contains("JSON object");
    }

    @Test
    void namesANestedObjectOfTheWrongShape() {
        List<InvalidField> fields = refused(VALID.replace("\"postcodesServed\": [\"B11\"]", "\"postcodesServed\": {}"));

        assertThat(fields).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("applicant.postcodesServed");
            assertThat(f.message()).isEqualTo("must be a JSON array");
        });
    }

    @Test
    void checksConstraintsInsideLists() {
        List<InvalidField> fields = refused(VALID.replace("\"income\": 240000", "\"income\": -1"));

        assertThat(fields).singleElement().extracting(InvalidField::field).isEqualTo("financials.years[0].income");
    }

    @Test
    void theExceptionMessageListsTheFieldsForLogsAndFiles() {
        assertThatThrownBy(() -> reader.read(bytes(VALID.replace("\"amount\": 60000", "\"amount\": 0"))))
                .isInstanceOf(InvalidSubmissionException.class)
                .hasMessage("request.amount: must be greater than 0");
    }

    private List<InvalidField> refused(String json) {
        InvalidSubmissionException refused = catchThrowableOfType(InvalidSubmissionException.class,
                () -> reader.read(bytes(json)));
        assertThat(refused).as("refused").isNotNull();
        return refused.getInvalidFields();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
