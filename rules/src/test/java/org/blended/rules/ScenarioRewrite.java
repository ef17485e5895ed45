package org.blended.rules;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.assessment.Assessment;
import org.drools.scenariosimulation.api.model.ExpressionElement;
import org.drools.scenariosimulation.api.model.ExpressionIdentifier;
import org.drools.scenariosimulation.api.model.FactIdentifier;
import org.drools.scenariosimulation.api.model.FactMapping;
import org.drools.scenariosimulation.api.model.FactMappingType;
import org.drools.scenariosimulation.api.model.FactMappingValue;
import org.drools.scenariosimulation.api.model.Scenario;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.ScenarioWithIndex;
import org.drools.scenariosimulation.api.model.ScesimModelDescriptor;
import org.drools.scenariosimulation.api.model.Simulation;
import org.drools.scenariosimulation.backend.expression.ExpressionEvaluatorFactory;
import org.drools.scenariosimulation.backend.runner.RuleScenarioRunnerHelper;
import org.drools.scenariosimulation.backend.runner.model.InstanceGiven;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerData;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

/**
 * Rewrites the Test Scenario files so that each criterion's scenarios test what they name: a scenario of a criterion
 * file ({@code criteria}, {@code eligibility}, {@code financial-boundaries}) expects its own criterion's reasons,
 * rating and points ({@code Assessment.reasonCodesByCriterion}, {@code ratingsByCriterion}, {@code pointsByCriterion},
 * plain values such as {@code {"F2": {"value": "GREEN"}}}), and no outcome, band or list of every reason: those
 * belong to {@code decision-matrix.scesim}, whose scenarios are the cells of the matrix and are left as they are. The
 * criterion is the one the description names ({@link ScenarioCriterion}); the criteria the scenario's reason codes
 * already named stay expected too (such as SV valuing an I8 claim, or D1's readiness support after an E1 hard stop).
 * Reasons of the decision (D1 codes) follow the outcome, so a criterion that holds one (I5 holds the condition that
 * self-reported hires be evidenced after an approval) has its rating and points expected, not its reason codes.
 * <p>
 * The expected values are what the rule base on the classpath gives each scenario now: run this only when every
 * scenario passes (or when the rules have changed on purpose and the new values are wanted). A criterion scenario
 * that expected a band it names in words ({@link #COPIED_TO_MATRIX}) is first copied, givens and band expectations,
 * into the matrix file. Files are read and written by the scenario editor's own persistence, so no XML is edited by hand.
 * <p>
 * Run from the repository root: {@code ./mvnw -B -q -pl rules test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=org.blended.rules.ScenarioRewrite
 * -Dexec.classpathScope=test} (an argument names another folder of scenario files). Running it again changes
 * nothing unless the rules changed.
 */
public final class ScenarioRewrite {

    static final List<String> CRITERION_FILES = List.of("criteria.scesim", "eligibility.scesim", "financial-boundaries.scesim");
    /** The by-criterion expectations a criterion scenario keeps or is given, in column order. */
    static final List<String> BY_CRITERION = List.of("reasonCodesByCriterion", "ratingsByCriterion", "pointsByCriterion");
    /** Criterion scenarios whose descriptions name the financial band too: the matrix file gets a copy expecting it. */
    static final Set<String> COPIED_TO_MATRIX = Set.of(
            "Secured asset finance: over 8 times turnover is red but leaves the band amber when cover and value are green");
    /** The decision's criterion: its reasons follow the outcome, so only the matrix scenarios expect them. */
    static final String DECISION = "D1";
    private static final String ASSESSMENT = Assessment.class.getName();
    /** What the matrix copy keeps of the criterion scenario's expectations. */
    private static final Set<String> MATRIX_EXPECTATIONS = Set.of("outcome", "financialBand", "impactBand");
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KieContainer container;
    private final ScenarioSimulationXMLPersistence persistence = ScenarioSimulationXMLPersistence.getInstance();

    ScenarioRewrite(KieContainer container) {
        this.container = container;
    }

    public static void main(String[] args) throws Exception {
        Path folder = args.length > 0 ? Path.of(args[0]) : defaultFolder();
        new ScenarioRewrite(KieServices.get().getKieClasspathContainer()).rewrite(folder);
    }

    private static Path defaultFolder() {
        Path fromRoot = Path.of("rules", "src", "test", "resources", "org", "blended", "rules");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("src", "test", "resources", "org", "blended", "rules");
    }

    void rewrite(Path folder) throws Exception {
        Path matrixFile = folder.resolve(ScenarioCriterion.MATRIX);
        ScenarioSimulationModel matrix = read(matrixFile);
        boolean matrixChanged = false;
        for (String name : CRITERION_FILES) {
            Path file = folder.resolve(name);
            ScenarioSimulationModel model = read(file);
            matrixChanged |= copyToMatrix(model, matrix);
            rewrite(name, model);
            write(file, model);
        }
        if (matrixChanged) {
            write(matrixFile, matrix);
        }
    }

    /** Makes one criterion file's scenarios expect their own criterion's reasons, rating and points. */
    void rewrite(String file, ScenarioSimulationModel model) throws Exception {
        Simulation simulation = model.getSimulation();
        ScesimModelDescriptor columns = simulation.getScesimModelDescriptor();
        FactIdentifier assessment = assessmentFact(columns);
        Map<Integer, List<String>> namedBefore = namedCriteria(simulation, assessment);
        for (FactMapping column : List.copyOf(columns.getUnmodifiableFactMappings())) {
            if (isExpectation(column, assessment) && !BY_CRITERION.contains(property(column))) {
                simulation.removeFactMapping(column); // its cells go with it
            }
        }
        Map<String, FactMapping> byCriterion = new LinkedHashMap<>();
        for (String property : BY_CRITERION) {
            byCriterion.put(property, column(columns, assessment, property).orElseGet(() -> addColumn(columns, assessment, property)));
        }
        List<Assessment> assessed = assess(model);
        List<Scenario> scenarios = simulation.getUnmodifiableData();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario scenario = scenarios.get(i);
            String criterion = ScenarioCriterion.of(scenario.getDescription()).orElseThrow(() -> new IllegalStateException(
                    file + ": no criterion named by \"" + scenario.getDescription() + "\" (see ScenarioCriterion)"));
            Map<String, String> reasonCodes = byCriterionMap(assessed.get(i), "reasonCodesByCriterion");
            Set<String> reasonCriteria = new LinkedHashSet<>();
            reasonCriteria.add(criterion);
            reasonCriteria.addAll(namedBefore.getOrDefault(i, List.of()));
            reasonCriteria.removeIf(c -> !c.equals(DECISION) && followsTheDecision(reasonCodes.get(c)));
            for (Map.Entry<String, FactMapping> column : byCriterion.entrySet()) {
                Set<String> criteria = column.getKey().equals("reasonCodesByCriterion") ? reasonCriteria : Set.of(criterion);
                String expected = criteria.isEmpty() ? null : expectation(byCriterionMap(assessed.get(i), column.getKey()), criteria);
                scenario.addOrUpdateMappingValue(assessment, column.getValue().getExpressionIdentifier(), expected);
            }
        }
    }

    /** Copies the criterion scenarios named in {@link #COPIED_TO_MATRIX} that the matrix has not got yet; whether any was. */
    private boolean copyToMatrix(ScenarioSimulationModel from, ScenarioSimulationModel matrix) {
        Simulation source = from.getSimulation();
        Simulation target = matrix.getSimulation();
        Set<String> inMatrix = new LinkedHashSet<>();
        target.getUnmodifiableData().forEach(s -> inMatrix.add(s.getDescription()));
        boolean copied = false;
        for (Scenario scenario : source.getUnmodifiableData()) {
            if (!COPIED_TO_MATRIX.contains(scenario.getDescription()) || inMatrix.contains(scenario.getDescription())) {
                continue;
            }
            Scenario copy = target.addData();
            copy.setDescription(scenario.getDescription());
            copy.addMappingValue(FactIdentifier.INDEX, ExpressionIdentifier.INDEX, String.valueOf(target.getUnmodifiableData().size()));
            for (FactMappingValue cell : scenario.getUnmodifiableFactMappingValues()) {
                FactMapping column = source.getScesimModelDescriptor()
                        .getFactMapping(cell.getFactIdentifier(), cell.getExpressionIdentifier()).orElseThrow();
                boolean given = column.getExpressionIdentifier().getType() == FactMappingType.GIVEN;
                boolean band = column.getExpressionIdentifier().getType() == FactMappingType.EXPECT
                        && MATRIX_EXPECTATIONS.contains(property(column));
                if (cell.getRawValue() != null && (given || band)) {
                    FactMapping into = sameColumn(target.getScesimModelDescriptor(), column)
                            .orElseGet(() -> addColumnLike(target.getScesimModelDescriptor(), column));
                    copy.addMappingValue(into.getFactIdentifier(), into.getExpressionIdentifier(), cell.getRawValue());
                }
            }
            copied = true;
        }
        return copied;
    }

    /** Runs each scenario's givens through the rules, as the scenario runner does, and keeps the assessment it filled. */
    List<Assessment> assess(ScenarioSimulationModel model) {
        ClassLoader classLoader = container.getClassLoader();
        ExpressionEvaluatorFactory evaluators = ExpressionEvaluatorFactory.create(classLoader, ScenarioSimulationModel.Type.RULE);
        List<Assessment> assessed = new ArrayList<>();
        for (ScenarioWithIndex scenario : model.getSimulation().getScenarioWithIndex()) {
            ScenarioRunnerData data = new ScenarioRunnerData();
            try {
                new RuleScenarioRunnerHelper().run(container, model.getSimulation().getScesimModelDescriptor(), scenario,
                        evaluators, classLoader, data, model.getSettings(), model.getBackground());
            } catch (RuntimeException | AssertionError e) {
                // an expectation that no longer holds: the givens have still been run
            }
            assessed.add(data.getGivens().stream().map(InstanceGiven::getValue).filter(Assessment.class::isInstance)
                    .map(Assessment.class::cast).findFirst().orElseThrow(() -> new IllegalStateException(
                            "scenario " + scenario.getIndex() + " gives no Assessment")));
        }
        return assessed;
    }

    /** Whether a criterion's reason codes include one of the decision's, which only some outcomes give. */
    private static boolean followsTheDecision(String codes) {
        return codes != null && List.of(codes.split(",")).stream().anyMatch(code -> code.startsWith(DECISION + "-"));
    }

    /** A map expectation as the existing files write it: {@code {"F1":{"value":"GREEN"}}}, the criteria in the order given. */
    static String expectation(Map<String, String> actual, Set<String> criteria) throws IOException {
        Map<String, Map<String, String>> json = new LinkedHashMap<>();
        for (String criterion : criteria) {
            json.put(criterion, Map.of("value", Objects.requireNonNull(actual.get(criterion), criterion)));
        }
        return JSON.writeValueAsString(json);
    }

    /** The criteria a scenario's reasonCodesByCriterion expectation names, by scenario position. */
    private static Map<Integer, List<String>> namedCriteria(Simulation simulation, FactIdentifier assessment) throws IOException {
        Map<Integer, List<String>> named = new LinkedHashMap<>();
        Optional<FactMapping> column = column(simulation.getScesimModelDescriptor(), assessment, "reasonCodesByCriterion");
        if (column.isEmpty()) {
            return named;
        }
        List<Scenario> scenarios = simulation.getUnmodifiableData();
        for (int i = 0; i < scenarios.size(); i++) {
            Optional<FactMappingValue> cell = scenarios.get(i).getFactMappingValue(column.get());
            if (cell.isPresent() && cell.get().getRawValue() instanceof String text && !text.isBlank()) {
                named.put(i, List.copyOf(JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { }).keySet()));
            }
        }
        return named;
    }

    /** The by-criterion view the runner reads: the field itself, as it reads fields rather than getters. */
    @SuppressWarnings("unchecked")
    static Map<String, String> byCriterionMap(Assessment assessment, String property) throws ReflectiveOperationException {
        Field field = Assessment.class.getDeclaredField(property);
        field.setAccessible(true);
        return (Map<String, String>) field.get(assessment);
    }

    private static FactIdentifier assessmentFact(ScesimModelDescriptor columns) {
        return columns.getUnmodifiableFactMappings().stream().map(FactMapping::getFactIdentifier)
                .filter(f -> ASSESSMENT.equals(f.getClassName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no Assessment column"));
    }

    private static boolean isExpectation(FactMapping column, FactIdentifier assessment) {
        return column.getExpressionIdentifier().getType() == FactMappingType.EXPECT && assessment.equals(column.getFactIdentifier());
    }

    /** The property a column on a fact reads: its steps after the fact, dot separated. */
    private static String property(FactMapping column) {
        return String.join(".", column.getExpressionElementsWithoutClass().stream().map(ExpressionElement::getStep).toList());
    }

    private static Optional<FactMapping> column(ScesimModelDescriptor columns, FactIdentifier fact, String property) {
        return columns.getUnmodifiableFactMappings().stream()
                .filter(c -> fact.equals(c.getFactIdentifier()) && c.getExpressionIdentifier().getType() == FactMappingType.EXPECT)
                .filter(c -> property.equals(property(c))).findFirst();
    }

    private static Optional<FactMapping> sameColumn(ScesimModelDescriptor columns, FactMapping like) {
        return columns.getUnmodifiableFactMappings().stream()
                .filter(c -> like.getFactIdentifier().equals(c.getFactIdentifier())
                        && like.getExpressionIdentifier().getType() == c.getExpressionIdentifier().getType()
                        && property(like).equals(property(c))).findFirst();
    }

    /** A by-criterion expectation column, as the editor makes one: Map of String to String, after the last column. */
    private static FactMapping addColumn(ScesimModelDescriptor columns, FactIdentifier assessment, String property) {
        ExpressionIdentifier id = ExpressionIdentifier.create(nextName(columns, FactMappingType.EXPECT), FactMappingType.EXPECT);
        FactMapping column = columns.addFactMapping(columns.getUnmodifiableFactMappings().size(), "Assessment", assessment, id);
        column.addExpressionElement("Assessment", ASSESSMENT);
        column.addExpressionElement(property, Map.class.getName());
        column.setExpressionAlias(property);
        column.setGenericTypes(new ArrayList<>(List.of(String.class.getName(), String.class.getName())));
        column.setColumnWidth(150.0);
        return column;
    }

    /** A column like one of another file, put after the last column of its kind (givens before expectations). */
    private static FactMapping addColumnLike(ScesimModelDescriptor columns, FactMapping like) {
        FactMappingType type = like.getExpressionIdentifier().getType();
        ExpressionIdentifier id = ExpressionIdentifier.create(nextName(columns, type), type);
        int at = 0;
        List<FactMapping> existing = columns.getUnmodifiableFactMappings();
        for (int i = 0; i < existing.size(); i++) {
            if (existing.get(i).getExpressionIdentifier().getType() == type) {
                at = i + 1;
            }
        }
        FactMapping column = columns.addFactMapping(at == 0 ? existing.size() : at, like.getFactAlias(), like.getFactIdentifier(), id);
        for (ExpressionElement step : like.getExpressionElements()) {
            column.addExpressionElement(step.getStep(), like.getClassName());
        }
        column.setExpressionAlias(like.getExpressionAlias());
        column.setGenericTypes(like.getGenericTypes() == null ? null : new ArrayList<>(like.getGenericTypes()));
        column.setColumnWidth(like.getColumnWidth());
        return column;
    }

    /** The next free column name of a kind, such as EXPECT-45: one more than the highest number in use. */
    private static String nextName(ScesimModelDescriptor columns, FactMappingType type) {
        int highest = -1;
        for (FactMapping c : columns.getUnmodifiableFactMappings()) {
            String name = c.getExpressionIdentifier().getName();
            String number = name.substring(name.lastIndexOf('-') + 1);
            if (number.chars().allMatch(Character::isDigit) && !number.isEmpty()) {
                highest = Math.max(highest, Integer.parseInt(number));
            }
        }
        return type.name() + "-" + (highest + 1);
    }

    private ScenarioSimulationModel read(Path file) throws Exception {
        return persistence.unmarshal(Files.readString(file, StandardCharsets.UTF_8));
    }

    private void write(Path file, ScenarioSimulationModel model) throws Exception {
        String pretty = persistence.marshal(model);
        String text = laidOut(pretty);
        if (!persistence.marshal(persistence.unmarshal(text)).equals(pretty)) {
            throw new IllegalStateException(file + ": the laid-out file does not read back as written");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * The files' layout: the persistence's XML without its indentation, a line per column and per cell of the
     * scenarios, as the files were before (tests of the service find cells by their XML), so a rewrite's diff shows
     * the cells that changed. Only whitespace between tags is dropped: the model reads back the same.
     */
    static String laidOut(String pretty) {
        String compact = pretty.replaceAll(">[ \\t\\r]*\\n\\s*<", "><").strip();
        int from = compact.indexOf("<simulation>");
        int to = compact.indexOf("</simulation>") + "</simulation>".length();
        String simulation = compact.substring(from, to);
        for (String tag : List.of("<simulation>", "<scesimModelDescriptor>", "<factMappings>", "</FactMapping>", "</factMappings>",
                "</scesimModelDescriptor>", "<scesimData>", "<Scenario><factMappingValues>", "</FactMappingValue>", "</scesimData>",
                "</factMappingValues></Scenario>")) {
            simulation = simulation.replace(tag, tag + "\n");
        }
        String rest = compact.substring(to);
        for (String tag : List.of("</background>", "</settings>", "</imports>")) {
            rest = rest.replace(tag, tag + "\n");
        }
        return XML_DECLARATION + compact.substring(0, from) + "\n" + simulation + "\n" + rest + "\n";
    }
}
