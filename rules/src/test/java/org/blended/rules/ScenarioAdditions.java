package org.blended.rules;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.blended.rules.assessment.Assessment;
import org.drools.scenariosimulation.api.model.ExpressionElement;
import org.drools.scenariosimulation.api.model.ExpressionIdentifier;
import org.drools.scenariosimulation.api.model.FactIdentifier;
import org.drools.scenariosimulation.api.model.FactMapping;
import org.drools.scenariosimulation.api.model.FactMappingType;
import org.drools.scenariosimulation.api.model.FactMappingValue;
import org.drools.scenariosimulation.api.model.Scenario;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.ScesimModelDescriptor;
import org.drools.scenariosimulation.api.model.Simulation;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * Adds the Test Scenarios that exercise table rows no other scenario fires ({@code ScenarioCoverageTest} lists them),
 * from a compact description: each new scenario starts from the givens of an existing scenario of the same file (its
 * template) and changes the columns it names, keyed {@code "<fact alias>.<property>"} as the file's header shows them
 * ({@code "Application.applicant.legalForm"}, {@code "NetClaim 1.net"}); an empty value empties the cell. A column the
 * file has not got yet is added (a list, such as outcome areas, is written as the editor writes one:
 * {@code [{"value":"HEALTH"}]}). The expectations are then filled by running the rules: a criterion file's by
 * {@link ScenarioRewrite} (the criterion's own reasons, rating and points), a matrix scenario's by the bands it names.
 * Each addition names the reason code (or band) of the row it is for, and is refused when the rules do not give it, so
 * a scenario cannot claim a row it does not fire. Scenarios already in a file (by description) are left as they are,
 * so running this again changes nothing.
 * <p>
 * Run from the repository root: {@code ./mvnw -B -q -pl rules test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=org.blended.rules.ScenarioAdditions
 * -Dexec.classpathScope=test}.
 */
public final class ScenarioAdditions {

    /** A scenario to add: where, like which scenario, what it changes, and the code (or band) its row gives. */
    record Addition(String file, String template, String description, Map<String, String> givens, String expectedCode) {
    }

    private static final String ELIGIBILITY = "eligibility.scesim";
    private static final String CRITERIA = "criteria.scesim";
    /** What a matrix addition expects: the bands and outcome, those its template expects. */
    private static final List<String> MATRIX_EXPECTATIONS = List.of("outcome", "financialBand", "impactBand");

    static final List<Addition> ADDITIONS = List.of(
            // E1 legal forms
            new Addition(ELIGIBILITY, "E1 a CIC has a social legal form", "E1 a CIO has a social legal form",
                    Map.of("Application.applicant.legalForm", "CIO"), "E1-SOCIAL-FORM"),
            new Addition(ELIGIBILITY, "E1 a company limited by guarantee with an asset lock is eligible",
                    "E1 a company limited by guarantee without an asset lock is not eligible",
                    Map.of("Application.applicant.assetLock", "false"), "E1-UNLOCKED-COMPANY"),
            new Addition(ELIGIBILITY, "E1 a company limited by shares without an asset lock is not eligible",
                    "E1 a company limited by shares with an asset lock is eligible",
                    Map.of("Application.applicant.assetLock", "true"), "E1-LOCKED-COMPANY"),
            // E2 asset lock, for each regulated social form
            assetLock("CIO", "a CIO"), assetLock("CHARITY", "a charity"), assetLock("CBS", "a CBS"),
            // E2 profit distribution cap, for each legal form with a 50% cap
            overCap("CIO", "a CIO"), overCap("CHARITY", "a charity"), overCap("CLG", "a company limited by guarantee"),
            overCap("CLS", "a company limited by shares"), overCap("SOLE_TRADER", "a sole trader"),
            overCap("PARTNERSHIP", "a partnership"), overCap("UNINCORPORATED", "an unincorporated group"),
            overCap("OTHER", "another legal form"),
            // E5 additionality
            new Addition(ELIGIBILITY, "E5 an officer scores the finance strongly additional",
                    "E5 an officer scores the finance as having some additionality",
                    Map.of("Application.request.additionality", "1"), "E5-SOME"),
            new Addition(ELIGIBILITY, "E5 an officer scores the finance strongly additional",
                    "E5 an officer scores the finance additional",
                    Map.of("Application.request.additionality", "2"), "E5-ADDITIONAL"),
            new Addition(ELIGIBILITY, "E5 no lender has declined: additionality is not shown",
                    "E5 declined by two lenders, the finance is strongly additional",
                    Map.of("Application.request.declinedElsewhere", "[{\"value\":\"High Street Bank\"},{\"value\":\"Community Bank\"}]"),
                    "E5-ADDITIONAL"),
            new Addition(ELIGIBILITY, "E5 no lender has declined: additionality is not shown",
                    "E5 declined by one lender, the finance is additional",
                    Map.of("Application.request.declinedElsewhere", "[{\"value\":\"High Street Bank\"}]"), "E5-ADDITIONAL"),
            new Addition(ELIGIBILITY, "E5 no lender has declined: additionality is not shown",
                    "E5 no lender has declined but commercial finance will not do: some additionality",
                    Map.of("Application.request.additionalityRationale",
                            "Banks will not lend against a building held for community use"), "E5-SOME"),
            // I1 outcome areas
            new Addition(CRITERIA, "I1 a theory of change without outcome areas does not count",
                    "I1 outcome areas with a theory of change are clear",
                    Map.of("Application.impact.outcomeAreas", "[{\"value\":\"EMPLOYMENT_EDUCATION_TRAINING\"}]"), "I1-CLEAR"),
            new Addition(CRITERIA, "I1 a theory of change without outcome areas does not count",
                    "I1 outcome areas without a theory of change count for less",
                    Map.of("Application.impact.outcomeAreas", "[{\"value\":\"EMPLOYMENT_EDUCATION_TRAINING\"}]",
                            "Application.impact.theoryOfChange", "We train people."), "I1-NO-THEORY"),
            // I2 groups facing disadvantage
            new Addition(CRITERIA, "I2 decile 4 earns none", "I2 serving care leavers earns points for groups facing disadvantage",
                    Map.of("Application.impact.beneficiaryGroups", "[{\"value\":\"CARE_LEAVERS\"}]"), "I2-PRIORITY-GROUPS"),
            // I3 reach
            new Addition(CRITERIA, "I3 exactly 5 people per 10k is good reach", "I3 3 people per 10k is some reach",
                    Map.of("Metrics.peoplePer10k", "3"), "I3-SOME-REACH"),
            // I4, I7 claimed outcomes
            new Addition(CRITERIA, "I4 jobs created count", "I4 one job created counts a point",
                    Map.of("NetClaim 1.measure", "JOBS_CREATED", "NetClaim 1.net", "1"), "I4-JOBS-CREATED"),
            new Addition(CRITERIA, "I4 jobs created count", "I4 two jobs maintained count a point",
                    Map.of("NetClaim 1.measure", "JOBS_MAINTAINED", "NetClaim 1.net", "2"), "I4-JOBS-MAINTAINED"),
            new Addition(CRITERIA, "I7 all staff on the real Living Wage", "I7 most staff on the real Living Wage",
                    Map.of("NetClaim 1.net", "60"), "I7-LIVING-WAGE"),
            // I5 hires claimed on the application, counted by the evidence weights (figures.drl): no programme, more hires than jobs
            new Addition(CRITERIA, "I5 priority-group hires evidenced by records count for a lot",
                    "I5 hires without a recruitment programme count as self-reported, and more hires than jobs are flagged",
                    Map.of("NetClaim 1.measure", "", "NetClaim 1.net", "", "NetClaim 1.evidence", "", "NetClaim 1.evidenceWeight", "",
                            "Application.impact.claims",
                            "[{\"measure\":{\"value\":\"PRIORITY_GROUP_HIRES\"},\"value\":{\"value\":\"2\"},\"evidence\":{\"value\":\"RECORDS\"}},"
                            + "{\"measure\":{\"value\":\"JOBS_CREATED\"},\"value\":{\"value\":\"1\"},\"evidence\":{\"value\":\"RECORDS\"}}]"),
                    "I5-MORE-HIRES-THAN-JOBS"),
            // I6 local spend
            new Addition(CRITERIA, "I6 local spend counts", "I6 local spend of 10% of spending earns a point",
                    Map.of("Metrics.expenditure", "600000"), "I6-LOCAL-SPEND"),
            new Addition(CRITERIA, "I6 local spend counts", "I6 local spend without the year's spending is counted, not scored",
                    Map.of("Metrics.expenditure", ""), "I6-LOCAL-SPEND-UNSCALED"),
            // I10 impact risk
            new Addition(CRITERIA, "I10 a high impact risk lowers the score", "I10 a low impact risk is not counted against",
                    Map.of("Application.impact.impactRisks.evidence", "LOW"), "I10-LOW-RISK"),
            // I12 stakeholder voice
            new Addition(CRITERIA, "I12 no beneficiary voice earns nothing", "I12 beneficiaries who are consulted earn nothing yet",
                    Map.of("Application.impact.stakeholderVoice", "1"), "I12-CONSULTED"),
            new Addition(CRITERIA, "I12 no beneficiary voice earns nothing", "I12 beneficiaries who shape decisions earn a point",
                    Map.of("Application.impact.stakeholderVoice", "2"), "I12-INVOLVED"),
            // the kinds of lending: secured asset finance for buying an asset and for property is judged as such (F4)
            new Addition(CRITERIA, "F2 loan to value of 75% is acceptable for a development project",
                    "F4 secured asset finance buying an asset: a loan of 4.5 times turnover is green",
                    Map.of("Application.request.purpose", "ASSET_PURCHASE", "Metrics.loanToValuePct", "60",
                            "Metrics.loanToTurnover", "4.5"), "GREEN"),
            new Addition(CRITERIA, "F2 loan to value of 75% is acceptable for a development project",
                    "F4 secured asset finance for property: a loan of 4.5 times turnover is green",
                    Map.of("Application.request.purpose", "PROPERTY", "Metrics.loanToValuePct", "60",
                            "Metrics.loanToTurnover", "4.5"), "GREEN"),
            // the financial band of secured asset finance when cover is amber
            new Addition(ScenarioCriterion.MATRIX,
                    "Secured asset finance: over 8 times turnover is red but leaves the band amber when cover and value are green",
                    "Secured asset finance: amber cover makes the band amber", Map.of("Metrics.debtServiceCover", "1.1"), "AMBER"));

    private static Addition assetLock(String form, String words) {
        return new Addition(ELIGIBILITY, "E2 a CIC without an asset lock is not eligible",
                "E2 " + words + " without an asset lock is not eligible", Map.of("Application.applicant.legalForm", form),
                "E2-NO-ASSET-LOCK");
    }

    private static Addition overCap(String form, String words) {
        return new Addition(ELIGIBILITY, "E2 a CBS distributing 51% is over the cap", "E2 " + words + " distributing 51% is over the cap",
                Map.of("Application.applicant.legalForm", form, "Application.applicant.assetLock", "true"),
                "E2-DISTRIBUTION-OVER-CAP");
    }

    private final KieContainer container;
    private final ScenarioSimulationXMLPersistence persistence = ScenarioSimulationXMLPersistence.getInstance();

    ScenarioAdditions(KieContainer container) {
        this.container = container;
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : defaultFolder();
        new ScenarioAdditions(KieServices.get().getKieClasspathContainer()).add(folder, ADDITIONS);
    }

    private static Path defaultFolder() {
        Path fromRoot = Path.of("rules", "src", "test", "resources", "org", "blended", "rules");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("src", "test", "resources", "org", "blended", "rules");
    }

    void add(Path folder, List<Addition> additions) throws Exception {
        Map<String, List<Addition>> byFile = new LinkedHashMap<>();
        additions.forEach(a -> byFile.computeIfAbsent(a.file(), f -> new ArrayList<>()).add(a));
        ScenarioRewrite rewrite = new ScenarioRewrite(container);
        for (Map.Entry<String, List<Addition>> entry : byFile.entrySet()) {
            Path file = folder.resolve(entry.getKey());
            ScenarioSimulationModel model = persistence.unmarshal(Files.readString(file, StandardCharsets.UTF_8));
            Simulation simulation = model.getSimulation();
            Set<String> present = new LinkedHashSet<>();
            simulation.getUnmodifiableData().forEach(s -> present.add(s.getDescription()));
            List<Addition> added = new ArrayList<>();
            for (Addition addition : entry.getValue()) {
                if (present.add(addition.description())) {
                    append(simulation, addition);
                    added.add(addition);
                }
            }
            if (added.isEmpty()) {
                continue;
            }
            boolean matrix = entry.getKey().equals(ScenarioCriterion.MATRIX);
            if (matrix) {
                expectBands(model, added);
            } else {
                rewrite.rewrite(entry.getKey(), model);
            }
            check(model, added, matrix);
            String pretty = persistence.marshal(model);
            String text = ScenarioRewrite.laidOut(pretty);
            if (!persistence.marshal(persistence.unmarshal(text)).equals(pretty)) {
                throw new IllegalStateException(file + ": the laid-out file does not read back as written");
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.printf("%s: %d scenarios added%n", entry.getKey(), added.size());
        }
    }

    /** A copy of the template's givens, with the addition's changes, after the file's last scenario. */
    private static void append(Simulation simulation, Addition addition) {
        ScesimModelDescriptor columns = simulation.getScesimModelDescriptor();
        Scenario template = simulation.getUnmodifiableData().stream().filter(s -> addition.template().equals(s.getDescription()))
                .findFirst().orElseThrow(() -> new IllegalStateException(addition.file() + ": no scenario \"" + addition.template() + "\""));
        Map<FactMapping, String> changes = new LinkedHashMap<>();
        addition.givens().forEach((key, value) -> changes.put(givenColumn(simulation, key), value.isEmpty() ? null : value));
        Scenario scenario = simulation.addData();
        scenario.setDescription(addition.description());
        scenario.addMappingValue(FactIdentifier.INDEX, ExpressionIdentifier.INDEX, String.valueOf(simulation.getUnmodifiableData().size()));
        for (FactMappingValue cell : template.getUnmodifiableFactMappingValues()) {
            FactMapping column = columns.getFactMapping(cell.getFactIdentifier(), cell.getExpressionIdentifier()).orElseThrow();
            if (column.getExpressionIdentifier().getType() == FactMappingType.GIVEN && !changes.containsKey(column)) {
                scenario.addMappingValue(cell.getFactIdentifier(), cell.getExpressionIdentifier(), cell.getRawValue());
            }
        }
        changes.forEach((column, value) -> scenario.addOrUpdateMappingValue(column.getFactIdentifier(),
                column.getExpressionIdentifier(), value));
    }

    /** The given column a key names, added (with an empty cell in every scenario) when the file has none. */
    private static FactMapping givenColumn(Simulation simulation, String key) {
        ScesimModelDescriptor columns = simulation.getScesimModelDescriptor();
        int dot = key.indexOf('.');
        String alias = key.substring(0, dot);
        String property = key.substring(dot + 1);
        List<FactMapping> existing = columns.getUnmodifiableFactMappings();
        for (FactMapping column : existing) {
            if (column.getExpressionIdentifier().getType() == FactMappingType.GIVEN && alias.equals(column.getFactAlias())
                    && property.equals(property(column))) {
                return column;
            }
        }
        FactMapping like = existing.stream().filter(c -> alias.equals(c.getFactAlias())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no fact " + alias + " for " + key));
        int at = 0;
        int highest = -1;
        for (int i = 0; i < existing.size(); i++) {
            ExpressionIdentifier id = existing.get(i).getExpressionIdentifier();
            if (id.getType() == FactMappingType.GIVEN) {
                String number = id.getName().substring(id.getName().lastIndexOf('-') + 1);
                highest = number.chars().allMatch(Character::isDigit) ? Math.max(highest, Integer.parseInt(number)) : highest;
                if (alias.equals(existing.get(i).getFactAlias())) {
                    at = i + 1; // after the fact's last column
                }
            }
        }
        Field field = field(like.getFactIdentifier().getClassName(), property);
        ExpressionIdentifier id = ExpressionIdentifier.create("GIVEN-" + (highest + 1), FactMappingType.GIVEN);
        FactMapping column = columns.addFactMapping(at, alias, like.getFactIdentifier(), id);
        String simpleName = like.getExpressionElements().get(0).getStep();
        column.addExpressionElement(simpleName, field.getType().getName());
        for (String step : property.split("\\.")) {
            column.addExpressionElement(step, field.getType().getName());
        }
        column.setExpressionAlias(property);
        if (field.getGenericType() instanceof ParameterizedType generic) {
            List<String> types = new ArrayList<>();
            for (var argument : generic.getActualTypeArguments()) {
                types.add(((Class<?>) argument).getName());
            }
            column.setGenericTypes(types);
        }
        column.setColumnWidth(150.0);
        for (Scenario scenario : simulation.getUnmodifiableData()) {
            if (scenario.getFactMappingValue(column).isEmpty()) {
                scenario.addMappingValue(column.getFactIdentifier(), column.getExpressionIdentifier(), null);
            }
        }
        return column;
    }

    /** The field a property path leads to from a fact class, as the runner walks it (fields, up the class tree). */
    private static Field field(String className, String property) {
        try {
            Class<?> type = Class.forName(className);
            Field field = null;
            for (String step : property.split("\\.")) {
                field = null;
                for (Class<?> c = type; c != null && field == null; c = c.getSuperclass()) {
                    try {
                        field = c.getDeclaredField(step);
                    } catch (NoSuchFieldException e) {
                        // look in the superclass
                    }
                }
                Objects.requireNonNull(field, () -> className + " has no property " + property);
                type = field.getType();
            }
            return field;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills a matrix addition's band and outcome expectations (the columns its template expects) from the rules. */
    private void expectBands(ScenarioSimulationModel model, List<Addition> added) throws Exception {
        Simulation simulation = model.getSimulation();
        List<Assessment> assessed = new ScenarioRewrite(container).assess(model);
        List<Scenario> scenarios = simulation.getUnmodifiableData();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            Addition addition = added.stream().filter(a -> a.description().equals(scenario.getDescription())).findFirst().orElse(null);
            if (addition == null) {
                continue;
            }
            Scenario template = scenarios.stream().filter(s -> addition.template().equals(s.getDescription())).findFirst().orElseThrow();
            for (FactMapping column : simulation.getScesimModelDescriptor().getUnmodifiableFactMappings()) {
                if (column.getExpressionIdentifier().getType() != FactMappingType.EXPECT) {
                    continue;
                }
                String property = property(column);
                boolean expected = template.getFactMappingValue(column).map(FactMappingValue::getRawValue).isPresent();
                if (MATRIX_EXPECTATIONS.contains(property) && expected) {
                    Field field = Assessment.class.getDeclaredField(property);
                    field.setAccessible(true);
                    scenario.addOrUpdateMappingValue(column.getFactIdentifier(), column.getExpressionIdentifier(),
                            String.valueOf(field.get(assessed.get(i))));
                }
            }
        }
    }

    /** Refuses an addition whose expectations do not include the code (or band) of the row it is for; prints the rest. */
    private static void check(ScenarioSimulationModel model, List<Addition> added, boolean matrix) {
        Simulation simulation = model.getSimulation();
        for (Scenario scenario : simulation.getUnmodifiableData()) {
            Addition addition = added.stream().filter(a -> a.description().equals(scenario.getDescription())).findFirst().orElse(null);
            if (addition == null) {
                continue;
            }
            List<String> expectations = new ArrayList<>();
            for (FactMapping column : simulation.getScesimModelDescriptor().getUnmodifiableFactMappings()) {
                if (column.getExpressionIdentifier().getType() == FactMappingType.EXPECT) {
                    scenario.getFactMappingValue(column).map(FactMappingValue::getRawValue)
                            .ifPresent(v -> expectations.add(property(column) + "=" + v));
                }
            }
            String criterion = matrix ? null : ScenarioCriterion.of(addition.description()).orElseThrow();
            boolean gives = expectations.stream().anyMatch(e -> e.contains("\"" + addition.expectedCode() + "\"")
                    || e.contains("," + addition.expectedCode() + "\"") || e.contains("\"" + addition.expectedCode() + ",")
                    || e.contains("," + addition.expectedCode() + ",") || e.endsWith("=" + addition.expectedCode()));
            if (!gives) {
                throw new IllegalStateException(addition.file() + ": \"" + addition.description() + "\" expects " + expectations
                        + ", not " + addition.expectedCode() + (criterion == null ? "" : " for " + criterion));
            }
            System.out.printf("  %s: %s%n", addition.description(), expectations);
        }
    }

    private static String property(FactMapping column) {
        return String.join(".", column.getExpressionElementsWithoutClass().stream().map(ExpressionElement::getStep).toList());
    }
}
