package org.blended.integration.batch;

import java.util.Locale;

/** How the applications of a batch are laid out: a JSON array of application objects, or CSV rows. */
public enum BatchFormat {
    JSON, CSV;

    /** From a file name or a media type: "portfolio.csv", "text/csv" and "application/json". */
    public static BatchFormat of(String nameOrMediaType) {
        String lower = nameOrMediaType == null ? "" : nameOrMediaType.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.startsWith("text/csv") ? CSV : JSON;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
