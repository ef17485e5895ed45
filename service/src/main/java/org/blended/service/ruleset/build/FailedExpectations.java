package org.blended.service.ruleset.build;

import org.blended.service.ruleset.source.ScenarioCells;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.drools.scenariosimulation.api.model.AbstractScesimData;
import org.drools.scenariosimulation.api.model.ExpressionElement;
import org.drools.scenariosimulation.api.model.FactMapping;
import org.drools.scenariosimulation.api.model.FactMappingType;
import org.drools.scenariosimulation.api.model.FactMappingValue;
import org.drools.scenariosimulation.api.model.FactMappingValueStatus;
import org.drools.scenariosimulation.api.model.ScesimModelDescriptor;
import org.drools.scenariosimulation.api.utils.ScenarioSimulationSharedUtils;
import org.drools.scenariosimulation.backend.runner.model.InstanceGiven;
import org.drools.scenariosimulation.backend.util.ScenarioBeanUtil;

/**
 * What a scenario's failed cells expected and what the rules gave, each written as the scenario
 * editor writes a cell, so that the runner reads the rules' value back as the new expectation: a
 * single value as its text ({@link ScenarioBeanUtil#revertValue}, the runner's own: an enum's name, a
 * number's digits); a map as the editor's JSON of the keys the cell expected, each
 * {@code {"value": ...}}; a list as the editor's JSON array of every item.
 */
final class FailedExpectations {

    /** Jackson's defaults, as the runner's JsonUtils reads cells. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALUE = "value";

    private FailedExpectations() {
    }

    static List<FailedExpectation> of(ScesimModelDescriptor columns, AbstractScesimData scenario, List<InstanceGiven> givens) {
        List<FailedExpectation> failed = new ArrayList<>();
        for (FactMappingValue cell : scenario.getUnmodifiableFactMappingValues()) {
            if (cell.getExpressionIdentifier() == null || cell.getExpressionIdentifier().getType() != FactMappingType.EXPECT
                    || cell.getStatus() == FactMappingValueStatus.SUCCESS || !(cell.getRawValue() instanceof String expected)) {
                continue;
            }
            FactMapping column = columns.getFactMapping(cell.getFactIdentifier(), cell.getExpressionIdentifier()).orElse(null);
            if (column == null) {
                continue;
            }
            failed.add(of(column, cell, expected, given(givens, cell)));
        }
        return failed;
    }

    private static FailedExpectation of(FactMapping column, FactMappingValue cell, String expected, Object fact) {
        String factName = cell.getFactIdentifier().getName();
        String name = cell.getExpressionIdentifier().getName();
        String checks = column.getExpressionAlias() == null ? column.getFactAlias()
                : column.getFactAlias() + " / " + column.getExpressionAlias();
        String actual = null;
        String problem = null;
        try {
            if (fact != null) {
                List<String> path = column.getExpressionElementsWithoutClass().stream().map(ExpressionElement::getStep).toList();
                Object value = ScenarioBeanUtil.navigateToObject(fact, path, false).getBean();
                actual = written(column.getClassName(), expected, value);
            } else if (cell.getStatus() == FactMappingValueStatus.FAILED_WITH_ERROR
                    && !ScenarioSimulationSharedUtils.isCollectionOrMap(column.getClassName()) && cell.getErrorValue() != null) {
                actual = String.valueOf(cell.getErrorValue()); // a fact the rules made: the runner's own text of its value
            }
            if (actual == null) {
                problem = cell.getExceptionMessage() != null ? cell.getExceptionMessage()
                        : "the value the rules gave cannot be written as an expected value";
            }
        } catch (RuntimeException e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new FailedExpectation(factName, name, checks, expected, actual, shown(expected),
                actual == null ? cell.getExceptionMessage() : shown(actual), problem);
    }

    private static Object given(List<InstanceGiven> givens, FactMappingValue cell) {
        return givens.stream().filter(g -> Objects.equals(g.getFactIdentifier(), cell.getFactIdentifier()))
                .map(InstanceGiven::getValue).findFirst().orElse(null);
    }

    /**
     * The rules' value as the cell would hold it, or null when the cell's kind cannot be written
     * back (an expression typed as text into a map or list cell, or nested objects).
     */
    static String written(String className, String expected, Object value) {
        if (!ScenarioSimulationSharedUtils.isCollectionOrMap(className)) {
            return ScenarioBeanUtil.revertValue(value);
        }
        JsonNode cell = json(expected);
        if (cell instanceof ObjectNode keys && (value == null || value instanceof Map<?, ?>)) {
            Map<?, ?> map = value == null ? Map.of() : (Map<?, ?>) value;
            ObjectNode written = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> entries = keys.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!simple(entry.getValue())) {
                    return null;
                }
                written.set(entry.getKey(), simpleNode(map.get(entry.getKey())));
            }
            return written.toString();
        }
        if (cell instanceof ArrayNode && (value == null || value instanceof List<?>)) {
            ArrayNode written = JsonNodeFactory.instance.arrayNode();
            if (value != null) {
                for (Object item : (List<?>) value) {
                    written.add(simpleNode(item));
                }
            }
            return written.toString();
        }
        return null;
    }

    static String shown(String raw) {
        return ScenarioCells.shown(raw);
    }

    private static boolean simple(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && node.has(VALUE) && node.get(VALUE).isValueNode();
    }

    private static ObjectNode simpleNode(Object value) {
        return JsonNodeFactory.instance.objectNode().put(VALUE, ScenarioBeanUtil.revertValue(value));
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
