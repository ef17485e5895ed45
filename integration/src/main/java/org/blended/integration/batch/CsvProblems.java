package org.blended.integration.batch;

import java.io.IOException;

import com.fasterxml.jackson.core.JacksonException;
import org.blended.integration.reading.JsonProblems;

/** Why the CSV reader gave up, in the sender's terms: without the parser's source description or settings. */
final class CsvProblems {

    private CsvProblems() {
    }

    static String of(IOException e) {
        if (e instanceof JacksonException jackson) {
            var location = jackson.getLocation();
            return JsonProblems.syntax(jackson.getOriginalMessage())
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
        }
        return "it cannot be read";
    }
}
