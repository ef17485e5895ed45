package org.blended.service.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * DRL text cut into Java-like tokens, so that the guard looks at code and never at the words inside
 * string literals or comments. Strings may span lines (as in the DRL lexer and MVEL), single quotes
 * delimit strings too (MVEL, DRL) or characters (Java).
 * <p>
 * Where Java, MVEL and the DRL parser would read the same text differently, a reading that hides code
 * inside what looks like a string or a comment is a way round any check. Those spots are not guessed at:
 * they are reported as {@link Hazard}s and the rule set is refused.
 */
final class DrlTokens {

    enum Kind { IDENTIFIER, NUMBER, STRING, SYMBOL, COMMENT }

    record Token(Kind kind, String text, int line) {

        boolean is(String text) {
            return kind != Kind.STRING && kind != Kind.COMMENT && this.text.equals(text);
        }

        boolean isIdentifier() {
            return kind == Kind.IDENTIFIER;
        }

        /** A string literal without its quotes. */
        String unquoted() {
            return text.length() >= 2 ? text.substring(1, text.length() - 1) : text;
        }
    }

    /** Text that Java, MVEL or the DRL parser may read differently, so that code could hide in it. */
    record Hazard(int line, String subject, String message) {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final List<Hazard> hazards = new ArrayList<>();

    private DrlTokens() {
    }

    List<Token> tokens() {
        return tokens;
    }

    List<Hazard> hazards() {
        return hazards;
    }

    static DrlTokens of(String text) {
        DrlTokens result = new DrlTokens();
        result.read(text);
        return result;
    }

    /** The text with every string literal and comment blanked out: what is left is code. */
    static String codeOnly(String text) {
        StringBuilder code = new StringBuilder(text);
        DrlTokens read = new DrlTokens();
        read.read(text, code);
        return code.toString();
    }

    private void read(String text) {
        read(text, null);
    }

    private void read(String text, StringBuilder blanked) {
        // Java turns \\uXXXX into characters before anything else, even inside comments and strings:
        // "// \\u000a System.exit(0);" is code to javac. Refused wherever it appears.
        for (int at = text.indexOf("\\u"); at >= 0; at = text.indexOf("\\u", at + 2)) {
            hazards.add(new Hazard(lineAt(text, at), "\\u",
                    "uses a \\u escape, which can hide code; write the character itself"));
        }
        int n = text.length();
        int line = 1;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '\n' || c == '\r') {
                line++;
                i += c == '\r' && next == '\n' ? 2 : 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && next == '/') {
                int end = i;
                while (end < n && !endsComment(text.charAt(end))) {
                    end++;
                }
                i = add(Kind.COMMENT, text, i, end, line, blanked);
            } else if (c == '/' && next == '*') {
                int close = text.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                int start = line;
                line += lineBreaks(text, i, end);
                i = add(Kind.COMMENT, text, i, end, start, blanked);
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                // A Java text block is one string; to MVEL it is "" followed by a string: they disagree on
                // where code starts, so text blocks are refused.
                hazards.add(new Hazard(line, "\"\"\"", "uses a text block (\"\"\"), which rule content may not use"));
                int close = text.indexOf("\"\"\"", i + 3);
                int end = close < 0 ? n : close + 3;
                int start = line;
                line += lineBreaks(text, i, end);
                i = add(Kind.STRING, text, i, end, start, blanked);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, n);
                int start = line;
                line += lineBreaks(text, i, end);
                i = add(Kind.STRING, text, i, end, start, blanked);
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.IDENTIFIER, withoutIgnorable(text.substring(i, end)), line));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(text.charAt(end))
                        || text.charAt(end) == '.' && end + 1 < n && Character.isDigit(text.charAt(end + 1)))) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(i, end), line));
                i = end;
            } else {
                if (c == '#') {
                    // a comment to the DRL parser, not to Java or MVEL
                    hazards.add(new Hazard(line, "#", "uses #, which Drools and Java read differently; remove it"));
                }
                int length = c == ':' && next == ':' || c == '-' && next == '>' ? 2 : 1;
                tokens.add(new Token(Kind.SYMBOL, text.substring(i, i + length), line));
                i += length;
            }
        }
    }

    private int add(Kind kind, String text, int start, int end, int line, StringBuilder blanked) {
        tokens.add(new Token(kind, text.substring(start, end), line));
        if (blanked != null) {
            for (int at = start; at < end; at++) {
                if (!Character.isWhitespace(text.charAt(at))) {
                    blanked.setCharAt(at, ' ');
                }
            }
        }
        return end;
    }

    /** Ends a line comment; the Unicode line separators too, to err on the side of reading more as code. */
    private static boolean endsComment(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int lineBreaks(String text, int start, int end) {
        int breaks = 0;
        for (int at = start; at < end; at++) {
            char c = text.charAt(at);
            if (c == '\n' || c == '\r' && (at + 1 >= text.length() || text.charAt(at + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    private static int lineAt(String text, int index) {
        return 1 + lineBreaks(text, 0, index);
    }

    /** Java ignores some invisible characters inside identifiers (System with a zero-width space in it is System). */
    private static String withoutIgnorable(String identifier) {
        StringBuilder plain = new StringBuilder(identifier.length());
        identifier.codePoints().filter(c -> !Character.isIdentifierIgnorable(c)).forEach(plain::appendCodePoint);
        return plain.toString();
    }
}
