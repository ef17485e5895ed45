package org.blended.service.whatif;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A what-if's changed applications as CSV for a spreadsheet, outcome changes first, written as
 * they are read from the database. A cell a spreadsheet would take for a formula is written as text.
 */
public final class WhatIfCsv {

    private static final String HEADER = "lender_reference,organisation,legal_form,amount,outcome_active,outcome_draft,"
            + "outcome_changed,reasons_added,reasons_dropped,reasons_active,reasons_draft,why\r\n";

    private WhatIfCsv() {
    }

    /** Streams the run's changes into the response, as a download named after the run. */
    public static void write(WhatIfService whatIf, UUID id, HttpServletResponse response) throws IOException {
        WhatIfView run = whatIf.view(id, Integer.MAX_VALUE); // 404 before anything is written; no changes read
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"what-if-version-" + run.draftVersion()
                + "-against-" + run.activeVersion() + "-" + id.toString().substring(0, 8) + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(HEADER);
        try {
            whatIf.eachChange(id, change -> row(out, change));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away
        }
        out.flush();
    }

    private static void row(Writer out, WhatIfChange c) {
        try {
            out.write(String.join(",", cell(c.lenderReference()), cell(c.legalName()), cell(c.legalForm()),
                    c.amount() == null ? "" : c.amount().toPlainString(), c.outcomeBefore().name(), c.outcomeAfter().name(),
                    String.valueOf(c.outcomeChanged()), cell(joined(c.reasonsAdded())), cell(joined(c.reasonsRemoved())),
                    cell(joined(c.reasonsBefore())), cell(joined(c.reasonsAfter())), cell(c.why())));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joined(List<String> reasons) {
        return String.join(" ", reasons);
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("(?s).*[,\"\r\n].*") || text.startsWith("'") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
