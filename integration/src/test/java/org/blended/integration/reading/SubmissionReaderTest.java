package org.blended.integration.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import org.blended.integration.submission.InvalidField;
import org.blended.integration.submission.InvalidSubmissionException;
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
    void refusesAFractionWhereAWholeNumberBelongsRatherThanDroppingIt() {
        List<InvalidField> fields = refused(VALID.replace("\"termMonths\": 48", "\"termMonths\": 1.5"));

        assertThat(fields).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("request.termMonths");
            assertThat(f.message()).contains("whole number").doesNotContain("java").doesNotContain("int`");
        });
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

    @Test
    void refusesTheNulCharacterInAnyTextOrFieldNameAndSaysSoInStorableWords() {
        List<InvalidField> fields = refused(VALID.replace("\"Sparkbrook", "\"Spark\\u0000brook")
                .replace("\"B11\"", "\"B1\\u00001\"").replace("\"T-1\",", "\"T-1\", \"a\\u0000b\": 1,"));

        assertThat(fields).extracting(InvalidField::field)
                .containsExactly("a\\u0000b", "applicant.legalName", "applicant.postcodesServed[0]");
        assertThat(fields.get(1).message()).isEqualTo("must not contain the NUL character (\\u0000)");
        assertThat(fields).allSatisfy(f -> assertThat(f.toString()).doesNotContain("\u0000"));
    }

    @Test
    void refusesHalfACharacterAsInvalidText() {
        List<InvalidField> fields = refused(VALID.replace("\"Sparkbrook", "\"Spark\\ud800brook"));

        assertThat(fields).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("applicant.legalName");
            assertThat(f.message()).startsWith("is not valid text").contains("\\ud800");
        });
    }

    @Test
    void readsAListSentAsNullAsNone() {
        Application application = reader.read(bytes(VALID.replace("\"secured\": false", "\"secured\": false, \"declinedElsewhere\": null")
                .replace("\"impact\": {", "\"impact\": {\"outcomeAreas\": null, ")));

        assertThat(application.getRequest().getDeclinedElsewhere()).isEmpty();
        assertThat(application.getImpact().getOutcomeAreas()).isEmpty();
    }

    @Test
    void refusesNumbersBeyondWhatIsStoredOrWhatTheRulesHandle() {
        List<InvalidField> fields = refused(VALID.replace("\"amount\": 60000", "\"amount\": 1e-999999999")
                .replace("\"value\": 3", "\"value\": 1e12").replace("\"income\": 240000", "\"income\": 1e999999999"));

        assertThat(fields).extracting(InvalidField::toString).containsExactly(
                "financials.years[0].income: must be an amount in pounds and pence below 10,000,000,000,000",
                "impact.claims[0].value: must be at most 100,000,000",
                "impact.claims[0].value: must have at most 9 digits before the decimal point and 4 after",
                "request.amount: must be an amount in pounds and pence");
    }

    @Test
    void describesBrokenDocumentsWithoutNamingJavaTypesOrParserSettings() {
        List<String> messages = new java.util.ArrayList<>();
        for (String json : List.of("[".repeat(2_000) + "]".repeat(2_000), VALID.replace("60000", "NaN"),
                VALID.replace("60000", "+1"), VALID + "{}", VALID.replace("\"applicant\": {", "\"applicant\": \"none\", \"x\": {"),
                VALID.replace("\"termMonths\": 48", "\"termMonths\": 99999999999"), VALID.replace("60000", "9".repeat(2_000)),
                "/* c */ {}", VALID.replace("\"termMonths\": 48", "\"termMonths\": \"48 months\""))) {
            refused(json).forEach(f -> messages.add(f.toString()));
        }

        assertThat(messages).isNotEmpty().allSatisfy(m -> assertThat(m)
                .doesNotContainPattern("java\\.|com\\.fasterxml|org\\.blended|`|Exception|Feature|StreamReadConstraints"));
        assertThat(messages).contains("request.termMonths: must be a whole number from -2147483648 to 2147483647",
                "applicant: must be a JSON object", "$: has more after the application; send exactly one JSON object");
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
