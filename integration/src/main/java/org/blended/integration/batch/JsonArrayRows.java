package org.blended.integration.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.integration.reading.JsonProblems;

/** The elements of a JSON array, one at a time, each handed on as its own JSON document. */
final class JsonArrayRows implements Iterator<BatchRow> {

    private final JsonParser parser;
    private final ObjectMapper json;
    private int row;
    private JsonToken next;

    JsonArrayRows(InputStream in, ObjectMapper json) throws IOException {
        this.json = json;
        this.parser = json.getFactory().createParser(in);
        JsonToken first = advance();
        if (first != JsonToken.START_ARRAY) {
            throw new UnreadableBatchException("a JSON batch must be an array of applications: [ {...}, {...} ]");
        }
        next = advance();
    }

    @Override
    public boolean hasNext() {
        return next != null && next != JsonToken.END_ARRAY;
    }

    @Override
    public BatchRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        row++;
        try {
            JsonNode element = json.readTree(parser);
            next = advance();
            return BatchRow.of(row, json.writeValueAsBytes(element));
        } catch (JsonProcessingException e) {
            throw new UnreadableBatchException("application " + row + " is not valid JSON ("
                    + JsonProblems.syntax(e.getOriginalMessage()) + where(e) + "); applications after it were not read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonToken advance() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new UnreadableBatchException("the batch is not valid JSON after application " + row + " ("
                    + JsonProblems.syntax(e.getOriginalMessage()) + where(e) + ")", e);
        }
    }

    /** " at line 3, column 7"; nothing when the parser gave up without a place (past a limit such as nesting). */
    private static String where(JsonProcessingException e) {
        var location = e.getLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
