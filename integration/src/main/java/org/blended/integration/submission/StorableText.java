package org.blended.integration.submission;

/**
 * Text as the service may keep and show it whatever was sent: PostgreSQL refuses the NUL
 * character in text, and a lone UTF-16 surrogate can be neither encoded nor stored, so both are
 * written out as the escape a sender would recognise ({@code \u0000}, {@code \ud800}).
 */
public final class StorableText {

    private StorableText() {
    }

    /** {@code text} with NUL and unpaired surrogates escaped; null stays null. */
    public static String of(String text) {
        if (text == null || !needsEscaping(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Storable, and cut to {@code max} characters (never between the two halves of a pair). */
    public static String of(String text, int max) {
        String storable = of(text);
        if (storable == null || storable.length() <= max) {
            return storable;
        }
        int end = Character.isHighSurrogate(storable.charAt(max - 1)) ? max - 1 : max;
        return storable.substring(0, end);
    }

    /** Where the text holds a NUL or an unpaired surrogate: the first such character's index, or -1. */
    public static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c == '\0' || Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscaping(String text) {
        return firstUnstorable(text) >= 0;
    }
}
