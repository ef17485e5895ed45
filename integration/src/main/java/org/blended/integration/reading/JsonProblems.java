package org.blended.integration.reading;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's words for a broken document, put in the sender's: its messages name parser settings
 * and Java types ({@code `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`}, {@code java.lang.Integer}),
 * which mean nothing to a lender and show how the service is built.
 */
public final class JsonProblems {

    private static final Map<String, String> TOKENS = Map.of("START_OBJECT", "'{'", "END_OBJECT", "'}'",
            "START_ARRAY", "'['", "END_ARRAY", "']'", "VALUE_STRING", "a string", "VALUE_NUMBER_INT", "a number",
            "VALUE_NUMBER_FLOAT", "a number", "FIELD_NAME", "a field name", "OBJECT", "an object", "ARRAY", "an array");

    private JsonProblems() {
    }

    /** What is wrong with the JSON syntax, without Jackson's settings, types or source description. */
    public static String syntax(String message) {
        if (message == null) {
            return "it cannot be read";
        }
        if (message.contains("Non-standard token")) {
            return "NaN and Infinity are not numbers in JSON";
        }
        if (message.contains("comment")) {
            return "comments are not allowed in JSON";
        }
        if (message.contains("nesting depth")) {
            return "it is nested more deeply than allowed";
        }
        if (message.contains("value length") || message.contains("Name length")) {
            return "a value or field name in it is longer than allowed";
        }
        String text = message;
        int marker = text.indexOf(" (start marker");
        if (marker >= 0) {
            text = text.substring(0, marker);
        }
        // Jackson adds how to relax the parser after a colon, naming its settings in backticks.
        text = Arrays.stream(text.split(": ")).filter(part -> !part.contains("`") && !part.contains("Feature"))
                .collect(Collectors.joining(": "));
        for (var token : TOKENS.entrySet()) {
            text = text.replaceAll("\\b" + token.getKey() + "\\b", token.getValue());
        }
        return text.isBlank() ? "it cannot be read" : text;
    }

    /** A document past one of the parser's limits, which stop reading at once. */
    static String limit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        StreamReadConstraints limits = StreamReadConstraints.defaults();
        if (message.contains("nesting depth")) {
            return "is nested too deeply: at most " + limits.getMaxNestingDepth() + " levels of objects and arrays";
        }
        if (message.contains("Number value length")) {
            return "holds a number longer than " + limits.getMaxNumberLength() + " characters";
        }
        if (message.contains("String value length")) {
            return "holds a text longer than " + limits.getMaxStringLength() + " characters";
        }
        if (message.contains("Name length")) {
            return "holds a field name longer than " + limits.getMaxNameLength() + " characters";
        }
        return "is larger than can be read";
    }

    /** A number too large for the whole number the field holds. */
    static String outOfRange(InputCoercionException e) {
        Class<?> type = e.getTargetType();
        if (type == Integer.TYPE || type == Integer.class) {
            return "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.TYPE || type == Long.class) {
            return "must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "is out of range";
    }
}
