package org.blended.service.ruleset;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.drools.scenariosimulation.api.model.AbstractScesimData;
import org.drools.scenariosimulation.api.model.AbstractScesimModel;
import org.drools.scenariosimulation.api.model.ExpressionElement;
import org.drools.scenariosimulation.api.model.FactMapping;
import org.drools.scenariosimulation.api.model.FactMappingValue;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.imports.Import;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;

/**
 * Test Scenarios run inside the service too: their columns name classes the runner creates and
 * fills by reflection, and a cell starting with {@code #} is an MVEL expression. So a scenario file
 * may name only fact-model classes and plain values, walk only ordinary properties, and its
 * expressions pass the same code check as rules.
 */
final class ScenarioContentCheck {

    /** Value types a scenario column may hold besides the fact model. */
    private static final Set<String> VALUE_TYPES = Set.of(
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float",
            "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character", "java.lang.Number",
            "java.lang.Object", "java.lang.Void", "java.math.BigDecimal", "java.math.BigInteger", "java.time.LocalDate",
            "java.time.LocalDateTime", "java.time.YearMonth", "java.util.List", "java.util.ArrayList",
            "java.util.Map", "java.util.HashMap", "java.util.Set", "java.util.HashSet", "java.util.Collection",
            "int", "long", "double", "float", "short", "byte", "boolean", "char");
    /** A property step: a plain name, and none that leads to classes or class loaders. */
    private static final Pattern PROPERTY = Pattern.compile("[a-z][A-Za-z0-9_]*");
    private static final Set<String> HIDDEN_PROPERTIES = Set.of("class", "classloader", "module", "declaringclass",
            "protectiondomain", "runtime", "kieruntime", "knowledgeruntime");

    private ScenarioContentCheck() {
    }

    static List<RuleSetProblem> check(RuleSetFile file) {
        String text = file.text();
        if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
            // a scenario file has no use for a DTD, and entities can read files
            return List.of(new RuleSetProblem(file.name(), null, "declares a DOCTYPE or entities, which Test Scenario files may not"));
        }
        ScenarioSimulationModel model;
        try {
            model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(text); // only scenario model types are accepted
        } catch (Exception | LinkageError e) {
            return List.of(new RuleSetProblem(file.name(), null, "could not be read as Test Scenarios: " + e.getMessage()));
        }
        Set<RuleSetProblem> problems = new LinkedHashSet<>();
        if (model.getImports() != null) {
            for (Import imported : model.getImports().getImports()) {
                type(file, "its imports", imported.getType(), problems);
            }
        }
        columns(file, "the scenarios", model.getSimulation(), problems);
        columns(file, "the background", model.getBackground(), problems);
        return List.copyOf(problems);
    }

    private static void columns(RuleSetFile file, String part, AbstractScesimModel<? extends AbstractScesimData> scesim,
                                Set<RuleSetProblem> problems) {
        if (scesim == null) {
            return;
        }
        for (FactMapping column : scesim.getScesimModelDescriptor().getUnmodifiableFactMappings()) {
            String where = "column " + column.getFactAlias() + " / " + column.getExpressionAlias();
            type(file, where, column.getFactIdentifier().getClassName(), problems);
            type(file, where, column.getClassName(), problems);
            if (column.getGenericTypes() != null) {
                column.getGenericTypes().forEach(generic -> type(file, where, generic, problems));
            }
            List<ExpressionElement> elements = column.getExpressionElements();
            for (ExpressionElement step : elements.subList(Math.min(1, elements.size()), elements.size())) { // the first is the class
                String name = step.getStep();
                if (!PROPERTY.matcher(name).matches() || HIDDEN_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
                    problems.add(new RuleSetProblem(file.name(), where, "reads the property " + name
                            + ", which Test Scenarios may not (only the fact model's own properties)"));
                }
            }
        }
        List<? extends AbstractScesimData> rows = scesim.getUnmodifiableData();
        for (int i = 0; i < rows.size(); i++) {
            for (FactMappingValue cell : rows.get(i).getUnmodifiableFactMappingValues()) {
                if (cell.getRawValue() instanceof String value && value.strip().startsWith("#")) {
                    String where = part + ", scenario " + (i + 1);
                    for (RuleCodeCheck.Offence offence : RuleCodeCheck.check(value.strip().substring(1)).offences()) {
                        problems.add(new RuleSetProblem(file.name(), where, "has an expression that " + offence.message()));
                    }
                }
            }
        }
    }

    private static void type(RuleSetFile file, String where, String className, Set<RuleSetProblem> problems) {
        if (className == null || className.isBlank() || VALUE_TYPES.contains(className)) {
            return;
        }
        int dot = className.lastIndexOf('.');
        boolean factClass = dot > 0 && FactModel.isFactPackage(className.substring(0, dot))
                && FactModel.CLASSES.get(className.substring(0, dot)).contains(className.substring(dot + 1));
        if (!factClass) {
            problems.add(new RuleSetProblem(file.name(), where, "uses " + className
                    + ", which Test Scenarios may not (only the fact model and plain values)"));
        }
    }
}
