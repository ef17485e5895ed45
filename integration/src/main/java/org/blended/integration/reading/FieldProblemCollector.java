package org.blended.integration.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import org.blended.integration.submission.InvalidField;

/**
 * Lets Jackson read on past a bad value, noting the field and the reason, so that a submission
 * is answered with all of its problems at once instead of the first one only.
 */
class FieldProblemCollector extends DeserializationProblemHandler {

    static final String PROBLEMS = FieldProblemCollector.class.getName() + ".problems";
    /** A refused value is quoted back up to this many characters: enough to recognise it. */
    private static final int QUOTED = 40;

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        record(ctxt, path(p.getParsingContext()), "is not a known field");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        record(ctxt, path(ctxt.getParser().getParsingContext()), "must be " + expected(targetType) + " (was \"" + quoted(valueToConvert) + "\")");
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        record(ctxt, path(ctxt.getParser().getParsingContext()), "must be " + expected(targetType) + " (was " + valueToConvert + ")");
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        // On '[' or '{' the parser has already entered the new container: the field is its parent.
        JsonStreamContext field = t != null && t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
        if (field == null || field.inRoot()) {
            return NOT_HANDLED; // the document itself is not an object: reported as a whole
        }
        record(ctxt, path(field), "must be " + expected(targetType.getRawClass()));
        p.skipChildren();
        return null;
    }

    /** A text where an object is expected, e.g. {@code "applicant": "none"}: no object can be made of it. */
    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsta,
                                            JsonParser p, String msg) throws IOException {
        record(ctxt, path(p.getParsingContext()), "must be " + expected(instClass));
        p.skipChildren();
        return null;
    }

    static String quoted(String value) {
        return value.length() <= QUOTED ? value : value.substring(0, QUOTED) + "...";
    }

    @SuppressWarnings("unchecked")
    static void record(DeserializationContext ctxt, String field, String message) {
        Object problems = ctxt.getAttribute(PROBLEMS);
        if (problems instanceof List<?> list) {
            ((List<InvalidField>) list).add(new InvalidField(field, message));
        }
    }

    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.LocalDate.class) {
            return "a date as yyyy-MM-dd";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    /** "applicant.legalForm" or "financials.years[1].income" from the parser's position. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + quoted(c.getCurrentName()));
            }
        }
        String joined = String.join("", parts);
        return joined.isEmpty() ? "$" : joined.startsWith(".") ? joined.substring(1) : joined;
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(quoted(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
