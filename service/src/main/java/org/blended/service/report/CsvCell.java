package org.blended.service.report;

/**
 * One cell of a CSV file a person opens in a spreadsheet: quoted where it must be, and a cell a
 * spreadsheet would take for a formula written as text.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String of(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("(?s).*[,\"\r\n].*") || text.startsWith("'") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
