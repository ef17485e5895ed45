package org.blended.service.hostile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what an answer to a sender must never show of the server's insides: Java class and
 * package names, exception names, SQL and database errors, file-system paths. Text the sender
 * sent may be quoted back (a field "was" something), so that is taken out before looking.
 */
final class Leaks {

    private static final Pattern LEAK = Pattern.compile(String.join("|",
            "\\bjava\\.", "\\bjavax\\.", "\\bjakarta\\.", "\\bsun\\.", "\\bcom\\.fasterxml", "\\bcom\\.rabbitmq",
            "\\borg\\.(springframework|hibernate|postgresql|apache|blended|h2|drools|kie|slf4j)",
            "Exception\\b", "\\bat [a-z]+(\\.[a-zA-Z_$]+)+\\(", "StreamReadConstraints", "\\bBigDecimal\\b", "\\bBigInteger\\b",
            "\\bLocalDate\\b", "\\bArrayList\\b", "`",
            "\\bSQL", "SQLState", "\\bERROR: ", "syntax error at or near", "violates [a-z ]*constraint",
            "numeric field overflow", "invalid byte sequence", "\\binsert into\\b", "\\bselect\\b[^.]{0,80}\\bfrom\\b",
            "\\bupdate [a-z_]+ set\\b", "\\bdelete from\\b", "\\bcopy [a-z_]+ \\(",
            "(^|[\\s\"'(=])/(work|tmp|home|root|usr|opt|var|etc|proc|srv|app)/", "[A-Za-z]:\\\\\\\\", "\\.java:\\d+",
            "\\.jar\\b", "\\btarget/"));

    private Leaks() {
    }

    /** The first leak in {@code text} once every sent text is taken out, or empty. */
    static Optional<String> in(String text, List<String> sent) {
        String scrubbed = text;
        // The longest first, so that a shorter sent text inside a longer one does not break it apart.
        for (String s : sent.stream().filter(s -> s.length() >= 3).sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            scrubbed = scrubbed.replace(s, " ");
            scrubbed = scrubbed.replace(jsonEscaped(s), " ");
        }
        Matcher matcher = LEAK.matcher(scrubbed);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int from = Math.max(0, matcher.start() - 60);
        int to = Math.min(scrubbed.length(), matcher.end() + 60);
        return Optional.of("\"" + matcher.group() + "\" in ..." + HostileCases.escaped(scrubbed.substring(from, to)) + "...");
    }

    private static String jsonEscaped(String s) {
        String quoted;
        try {
            quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return s;
        }
        return quoted.substring(1, quoted.length() - 1);
    }
}
