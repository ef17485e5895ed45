package org.blended.service.ruleset.guard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.blended.service.ruleset.source.TableLayout.Column;
import org.drools.decisiontable.parser.ActionType;

/**
 * What the cells of a table column must be, read from the column's code template: Drools puts a cell
 * where the template says {@code $param} (or, for a comma-separated list, {@code $1, $2...}), so where
 * the placeholder stands says what the cell becomes. Inside a string literal it is TEXT; after
 * {@code SomeEnum.} (a fact-model enum) it is one of the enum's constants; as a whole operand (an
 * argument, a comparison's right side, after a cast) it is a NUMBER, or TRUE/FALSE when the fact
 * model says the compared property is a boolean. Anywhere else the cell is spliced into code, and the
 * column is CODE. Rule names and descriptions are text; priorities whole numbers; other attributes code.
 */
public final class ColumnTypes {

    public enum Kind { TEXT, NUMBER, WHOLE_NUMBER, BOOLEAN, ENUM, CODE }

    /** What one value must be; {@code nullable} when {@code null} is a value too (compared with ==). */
    public record ValueType(Kind kind, Class<?> enumType, boolean nullable) {

        static final ValueType TEXT = new ValueType(Kind.TEXT, null, false);
        public static final ValueType NUMBER = new ValueType(Kind.NUMBER, null, false);
        static final ValueType WHOLE_NUMBER = new ValueType(Kind.WHOLE_NUMBER, null, false);
        static final ValueType CODE = new ValueType(Kind.CODE, null, false);

        /** The type a value must have to fit two places at once (a placeholder used twice). */
        ValueType meet(ValueType other) {
            if (equals(other)) {
                return this;
            }
            if (kind == Kind.CODE || other.kind == Kind.CODE) {
                return CODE;
            }
            if (kind == Kind.TEXT) {
                return other; // numbers, booleans and constants are safe text too
            }
            if (other.kind == Kind.TEXT) {
                return this;
            }
            if (kind == other.kind && enumType == other.enumType) {
                return new ValueType(kind, enumType, nullable && other.nullable);
            }
            return CODE;
        }

        public String describe() {
            String type = switch (kind) {
                case TEXT -> "text";
                case NUMBER -> "number";
                case WHOLE_NUMBER -> "whole number";
                case BOOLEAN -> "true/false";
                case ENUM -> enumType.getSimpleName();
                case CODE -> "code";
            };
            return nullable ? type + " or null" : type;
        }
    }

    /** A column's type: one value per cell, or for {@code $1, $2...} a comma-separated list of them. */
    public record ColumnType(List<ValueType> values, boolean list) {

        public static ColumnType single(ValueType type) {
            return new ColumnType(List.of(type), false);
        }

        /** A single text cell, such as a reason's sentence. */
        boolean isText() {
            return !list && values.size() == 1 && values.get(0).kind() == Kind.TEXT;
        }

        boolean isCode() {
            return values.stream().anyMatch(v -> v.kind() == Kind.CODE);
        }

        public String describe() {
            return list ? values.stream().map(ValueType::describe).collect(Collectors.joining(", ", "list (", ")"))
                    : values.get(0).describe();
        }
    }

    private static final Pattern FORALL = Pattern.compile("forall\\(([^{}]*)\\)\\{([^{}]+)\\}"); // as Drools spots one
    private static final Pattern PARAM = Pattern.compile("\\$param");
    private static final Pattern INDEXED = Pattern.compile("\\$(\\d+)");
    private static final Pattern ENUM_PREFIX = Pattern.compile("(?<![\\w$.])([A-Z]\\w*)\\.$");
    private static final Pattern CAST = Pattern.compile("\\(\\s*(?:int|long|double|float|short|byte)\\s*\\)$");
    private static final List<String> OPERAND_BEFORE = List.of("(", ",", "==", "!=", "<=", ">=", "<", ">", "=");
    private static final List<String> OPERAND_AFTER = List.of(")", ",", ";", "}", "]", "&&", "||", "==", "!=", "<", ">");
    private static final Pattern COMPARED = Pattern.compile(
            "(?:^|[\\s,(])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)\\s*(==|!=|<=|>=|<|>)$");
    private static final Pattern OBJECT_TYPE = Pattern.compile("^(?:\\$\\w+\\s*:\\s*)?([A-Z]\\w*)\\s*(?:\\(\\s*\\))?$");

    private ColumnTypes() {
    }

    public static ColumnType of(Column column) {
        ActionType.Code code = column.code();
        return switch (code) {
            case NAME, DESCRIPTION -> ColumnType.single(ValueType.TEXT);
            case SALIENCE -> ColumnType.single(ValueType.WHOLE_NUMBER); // Drools would take "(...)" as an expression
            case CONDITION, ACTION -> fromTemplate(column);
            default -> ColumnType.single(ValueType.CODE); // timers, groups, metadata...: left to rule authors
        };
    }

    /** Drools' own order: a forall, else $1..., else $param, else no placeholder (the cell is code or a flag). */
    private static ColumnType fromTemplate(Column column) {
        String template = column.template();
        if (template.isBlank() || FORALL.matcher(template).find()) {
            return ColumnType.single(ValueType.CODE);
        }
        Class<?> fact = column.code() == ActionType.Code.CONDITION ? factOf(column.objectType()) : null;
        if (template.contains("$1")) {
            TreeMap<Integer, ValueType> byIndex = new TreeMap<>();
            Matcher m = INDEXED.matcher(template);
            while (m.find()) {
                ValueType here = at(template, m.start(), m.end(), fact);
                byIndex.merge(Integer.parseInt(m.group(1)), here, ValueType::meet);
            }
            List<ValueType> values = new ArrayList<>();
            for (int i = 1; i <= byIndex.lastKey(); i++) {
                values.add(byIndex.getOrDefault(i, ValueType.TEXT)); // a position the code never uses
            }
            return new ColumnType(List.copyOf(values), true);
        }
        if (template.contains("$param")) {
            ValueType type = null;
            Matcher m = PARAM.matcher(template);
            while (m.find()) {
                ValueType here = at(template, m.start(), m.end(), fact);
                type = type == null ? here : type.meet(here);
            }
            return ColumnType.single(type);
        }
        return ColumnType.single(ValueType.CODE);
    }

    /** What the placeholder at [start, end) of the template takes. */
    private static ValueType at(String template, int start, int end, Class<?> fact) {
        if (insideString(template, start)) {
            return ValueType.TEXT;
        }
        String before = template.substring(0, start).stripTrailing();
        String after = template.substring(end).stripLeading();
        if (!after.isEmpty() && OPERAND_AFTER.stream().noneMatch(after::startsWith)) {
            return ValueType.CODE; // "$param.x", "$param + 1", "$paramName": the cell would be part of an expression
        }
        Matcher enumPrefix = ENUM_PREFIX.matcher(before);
        if (enumPrefix.find()) {
            return FactModel.factClass(enumPrefix.group(1)).filter(Class::isEnum)
                    .map(type -> new ValueType(Kind.ENUM, type, false)).orElse(ValueType.CODE);
        }
        if (OPERAND_BEFORE.stream().noneMatch(before::endsWith) && !CAST.matcher(before).find()) {
            return ValueType.CODE; // "request.purpose $param": the cell brings its own operator, so it is code
        }
        Matcher compared = COMPARED.matcher(before);
        if (fact != null && compared.find()) {
            boolean equality = compared.group(2).equals("==") || compared.group(2).equals("!=");
            return propertyType(fact, compared.group(1))
                    .map(type -> comparedWith(type, equality)).orElse(ValueType.NUMBER);
        }
        return ValueType.NUMBER;
    }

    /** A property the fact model says is a boolean takes true or false; a boxed one compared with == may be null. */
    private static ValueType comparedWith(Class<?> type, boolean equality) {
        boolean nullable = equality && !type.isPrimitive();
        if (type == boolean.class || type == Boolean.class) {
            return new ValueType(Kind.BOOLEAN, null, nullable);
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return new ValueType(Kind.NUMBER, null, nullable);
        }
        return ValueType.NUMBER;
    }

    /**
     * The fact-model class of a pattern such as {@code $m: Metrics}. A cell may bind patterns before it,
     * as in {@code $assessment: Assessment() $m: Metrics}: the constraints go to the last one.
     */
    private static Class<?> factOf(String objectType) {
        String last = objectType.strip();
        int close = last.lastIndexOf(')');
        if (close >= 0 && close < last.length() - 1) {
            last = last.substring(close + 1).strip();
        }
        Matcher m = OBJECT_TYPE.matcher(last);
        return m.matches() ? FactModel.factClass(m.group(1)).orElse(null) : null;
    }

    /** The type of a property path such as {@code request.rationaleGiven}, through the getters of the fact model. */
    static Optional<Class<?>> propertyType(Class<?> type, String path) {
        Class<?> current = type;
        for (String property : path.split("\\.")) {
            String capitalised = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
            Class<?> owner = current;
            Optional<Method> getter = Arrays.stream(owner.getMethods())
                    .filter(method -> method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()))
                    .filter(method -> method.getName().equals("get" + capitalised) || method.getName().equals("is" + capitalised))
                    .findFirst();
            if (getter.isEmpty()) {
                return Optional.empty();
            }
            current = getter.get().getReturnType();
        }
        return Optional.of(current);
    }

    /** Whether a position of the template is inside a "..." or '...' literal. */
    private static boolean insideString(String template, int position) {
        char quote = 0;
        for (int i = 0; i < position; i++) {
            char c = template.charAt(i);
            if (quote != 0 && c == '\\') {
                i++;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            }
        }
        return quote != 0;
    }
}
