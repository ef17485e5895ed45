package org.blended.service.hostile;

import java.util.List;
import java.util.Random;

/**
 * Values a careless or hostile sender puts where a field's value should be, as raw JSON text:
 * wrong types, nulls, extremes, NUL and lone surrogates, control and formula-like text, long
 * strings, deep and wide containers, and tokens that are not JSON at all.
 */
final class HostileValues {

    /** Each as it appears in the body, so that escapes such as {@code \u0000} reach the parser as sent. */
    private static final List<String> FIXED = List.of(
            // wrong types and nulls
            "null", "true", "false", "[]", "{}", "[null]", "[[]]", "{\"a\": 1}", "[1, \"two\", null, {}]",
            // numbers at and past every limit
            "0", "-0", "-1", "1", "0.5", "0.001", "-0.0001", "1e12", "1e-999999999", "1e999999999", "-1e999999999",
            "1E+2", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999",
            "123456789012345678901234567890.123456789", "1.7976931348623157e309", "4.9e-325", "100000000.01",
            "9999999999999.99", "10000000000000", "0.1e1", "3.14159265358979323846264338327950288",
            // text where a value is expected, and text that is hostile in itself
            "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u0000\\u0000\\u0000\"", "\"\\ud800\"", "\"x\\udc00y\"",
            "\"\\udbff\\udbff\"", "\"\\ud83d\\ude00 emoji\"", "\"\\u0001\\u0002\\u001f\"", "\"\\u007f\\u0085\\u2028\\u2029\"",
            "\"\\ufeff\"", "\"\\ufffe\\uffff\"", "\"\\u202eevil\"", "\"tab\\there\"", "\"line\\nbreak\\r\\n\"",
            "\"=cmd|' /C calc'!A0\"", "\"=HYPERLINK(\\\"http://127.0.0.1/x\\\",\\\"click\\\")\"", "\"+1+1\"", "\"-2+3\"",
            "\"@SUM(1+1)*cmd|' /C calc'!A0\"", "\"\\t=1+1\"", "\"\\r=1+1\"", "\"<script>alert(1)</script>\"",
            "\"Robert'); DROP TABLE application;--\"", "\"' OR '1'='1\"", "\"../../../../etc/passwd\"",
            "\"C:\\\\Windows\\\\win.ini\"", "\"%s%s%s%n\"", "\"${jndi:ldap://127.0.0.1/a}\"", "\"#{7*7}\"",
            "\"{{7*7}}\"", "\"\\\\\"", "\"\\\"\"", "\"null\"", "\"true\"", "\"NaN\"", "\"1e999999999\"", "\"-1\"",
            "\"2024-02-30\"", "\"9999-12-31\"", "\"0000-01-01\"", "\"+999999999-12-31\"", "\"2024-13-01\"",
            "\"2024-01-01T00:00:00Z\"", "\"CIC\"", "\"cic\"", "\" CIC \"", "\"APPROVE\"", "\"LOW\"", "\"0-50\"",
            "\"75-100 \"", "\"2030-12\"", "\"2030-13\"",
            // not JSON values at all
            "NaN", "Infinity", "-Infinity", "undefined", "'single'", "01", "+1", ".5", "1.", "0x1F", "tru", "nul",
            "\"unterminated", "\"\\x41\"", "\"\\u12\"", "\"\\uZZZZ\"");

    private HostileValues() {
    }

    /** A value from the fixed list, or one built to a random size: long text, deep or wide containers. */
    static String any(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> longText(random);
            case 1 -> deep(random);
            case 2 -> wide(random);
            default -> FIXED.get(random.nextInt(FIXED.size()));
        };
    }

    static String longText(Random random) {
        int length = List.of(21, 31, 65, 201, 301, 2_001, 4_001, 20_000, 150_000).get(random.nextInt(9));
        char c = "aZ9é€\u0000".charAt(random.nextInt(6));
        String unit = c == '\u0000' ? "\\u0000" : String.valueOf(c);
        return "\"" + unit.repeat(length) + "\"";
    }

    static String deep(Random random) {
        int depth = List.of(50, 999, 1_001, 5_000, 20_000).get(random.nextInt(5));
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static String wide(Random random) {
        int count = List.of(11, 51, 201, 5_000).get(random.nextInt(4));
        String element = List.of("\"CIC\"", "\"ENVIRONMENT\"", "null", "1", "\"SW1A 1AA\"", "{}").get(random.nextInt(6));
        return "[" + String.join(",", java.util.Collections.nCopies(count, element)) + "]";
    }

    /** Field names a sender should never use: NUL, lone surrogates, empty, very long, look-alikes. */
    static String anyKey(Random random) {
        List<String> keys = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\"", "\" \"", "\"__proto__\"",
                "\"constructor\"", "\"@class\"", "\"$where\"", "\"applicant.legalName\"", "\"lenderReference \"",
                "\"LENDERREFERENCE\"", "\"=cmd|' /C calc'!A0\"", "\"" + "k".repeat(5_000) + "\"", "\"\\u202e\"",
                "\"\\ud83d\\ude00\"", "\"\\t\"", "\"java.lang.Runtime\"");
        return keys.get(random.nextInt(keys.size()));
    }
}
