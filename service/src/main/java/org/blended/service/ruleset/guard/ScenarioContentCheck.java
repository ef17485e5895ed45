package org.blended.service.ruleset.guard;

import org.blended.service.ruleset.source.RuleSetFile;
import org.blended.service.ruleset.source.RuleSetProblem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.drools.scenariosimulation.api.model.AbstractScesimData;
import org.drools.scenariosimulation.api.model.AbstractScesimModel;
import org.drools.scenariosimulation.api.model.ExpressionElement;
import org.drools.scenariosimulation.api.model.FactMapping;
import org.drools.scenariosimulation.api.model.FactMappingType;
import org.drools.scenariosimulation.api.model.FactMappingValue;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.imports.Import;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;

/**
 * Test Scenarios run inside the service too, and hold values only. Their runner creates and fills by
 * reflection the classes their columns name, and it runs a cell as code when it reads as an
 * expression: as MVEL when the cell, or the JSON string it holds, starts with {@code #}
 * ({@code ExpressionEvaluatorFactory}), and as FEEL every cell of a DMN scenario. So a scenario file
 * may name only fact-model classes and plain values, walk only ordinary properties, must be a rule
 * scenario, and no cell may start with {@code #}, however it is wrapped; no expression is let through,
 * since no text check can tell a safe one for sure.
 */
public final class ScenarioContentCheck {

    static final String VALUES_ONLY = "Test Scenarios hold values only; expressions are not allowed";

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
    /** The runner's marker of an MVEL expression (ConstantsHolder.MVEL_ESCAPE_SYMBOL). */
    private static final char EXPRESSION = '#';
    /** Reads a cell as the runner's JsonUtils does: Jackson's defaults, so that both see the same JSON. */
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of an expression, and of a scenario's description, a problem quotes. */
    private static final int QUOTED = 60;
    private static final int DESCRIBED = 120;

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
        if (model.getSettings() != null && model.getSettings().getType() == ScenarioSimulationModel.Type.DMN) {
            // the runner evaluates every cell of a DMN scenario as FEEL, which can call Java
            problems.add(new RuleSetProblem(file.name(), null, "is a DMN Test Scenario file, whose every cell is run as a "
                    + "FEEL expression; " + VALUES_ONLY + " (rule sets have rule scenarios only)"));
        }
        try {
            if (model.getImports() != null) {
                for (Import imported : model.getImports().getImports()) {
                    type(file, "its imports", imported.getType(), problems);
                }
            }
            columns(file, model.getSimulation(), problems);
            columns(file, model.getBackground(), problems);
            problems.addAll(expressions(file.name(), model));
        } catch (RuntimeException e) {
            // a part missing, such as a column without its identifiers: what cannot be checked is refused
            problems.add(new RuleSetProblem(file.name(), null, "could not be read as Test Scenarios: " + e));
        }
        return List.copyOf(problems);
    }

    private static void columns(RuleSetFile file, AbstractScesimModel<? extends AbstractScesimData> scesim,
                                Set<RuleSetProblem> problems) {
        if (scesim == null) {
            return;
        }
        for (FactMapping column : scesim.getScesimModelDescriptor().getUnmodifiableFactMappings()) {
            String where = "column " + name(column);
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
    }

    /**
     * A problem for every cell, given, expected or other, raw or holding JSON, that the runner would
     * evaluate as an expression; none means that running the scenarios evaluates values only.
     */
    public static List<RuleSetProblem> expressions(String file, ScenarioSimulationModel model) {
        List<RuleSetProblem> problems = new ArrayList<>();
        cells(file, "scenario", model.getSimulation(), problems);
        cells(file, "background row", model.getBackground(), problems);
        return problems;
    }

    private static void cells(String file, String row, AbstractScesimModel<? extends AbstractScesimData> scesim,
                              List<RuleSetProblem> problems) {
        if (scesim == null) {
            return;
        }
        List<? extends AbstractScesimData> rows = scesim.getUnmodifiableData();
        for (int i = 0; i < rows.size(); i++) {
            AbstractScesimData data = rows.get(i);
            for (FactMappingValue cell : data.getUnmodifiableFactMappingValues()) {
                if (!(cell.getRawValue() instanceof String value)) {
                    continue; // the runner evaluates strings only
                }
                Optional<String> expression = expression(value);
                if (expression.isPresent()) {
                    String where = row + " " + (i + 1) + described(data) + ", column " + column(scesim, cell);
                    problems.add(new RuleSetProblem(file, where, side(cell) + " " + quoted(expression.get())
                            + " is an expression; " + VALUES_ONLY));
                }
            }
        }
    }

    /** The expression a cell holds, if it reads as one: raw, or as any string or key of the JSON it holds. */
    private static Optional<String> expression(String value) {
        if (startsAnExpression(value)) {
            return Optional.of(value);
        }
        JsonNode json;
        try {
            json = JSON.readTree(value);
        } catch (Exception e) {
            return Optional.empty(); // not JSON to the runner either
        }
        return json == null ? Optional.empty() : expressionIn(json);
    }

    private static Optional<String> expressionIn(JsonNode node) {
        if (node.isTextual() && startsAnExpression(node.textValue())) {
            return Optional.of(node.textValue());
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (startsAnExpression(key)) {
                return Optional.of(key);
            }
        }
        for (JsonNode inside : node) { // the elements of an array, the values of an object
            Optional<String> expression = expressionIn(inside);
            if (expression.isPresent()) {
                return expression;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a text starts with {@code #} after any blank: the runner trims what String.trim() does
     * (control characters and spaces); this skips Unicode spaces and invisible format characters too.
     */
    private static boolean startsAnExpression(String text) {
        int at = 0;
        while (at < text.length() && blank(text.charAt(at))) {
            at++;
        }
        return at < text.length() && text.charAt(at) == EXPRESSION;
    }

    private static boolean blank(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    private static String described(AbstractScesimData data) {
        String description;
        try {
            description = data.getDescription();
        } catch (RuntimeException e) {
            description = null; // a description that is no text
        }
        return description == null || description.isBlank() ? "" : " (" + shortened(description.strip(), DESCRIBED) + ")";
    }

    private static String column(AbstractScesimModel<? extends AbstractScesimData> scesim, FactMappingValue cell) {
        return scesim.getScesimModelDescriptor().getFactMapping(cell.getFactIdentifier(), cell.getExpressionIdentifier())
                .map(ScenarioContentCheck::name)
                .orElseGet(() -> cell.getFactIdentifier().getName() + " / " + cell.getExpressionIdentifier().getName());
    }

    /** A column as the editor heads it: the fact, then the property ("Assessment / outcome"). */
    private static String name(FactMapping column) {
        return column.getExpressionAlias() == null ? column.getFactAlias() : column.getFactAlias() + " / " + column.getExpressionAlias();
    }

    private static String side(FactMappingValue cell) {
        FactMappingType type = cell.getExpressionIdentifier() == null ? null : cell.getExpressionIdentifier().getType();
        if (type == FactMappingType.GIVEN) {
            return "the given value";
        }
        return type == FactMappingType.EXPECT ? "the expected value" : "the value";
    }

    private static String quoted(String expression) {
        return "\"" + shortened(expression.strip(), QUOTED) + "\"";
    }

    private static String shortened(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "...";
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
