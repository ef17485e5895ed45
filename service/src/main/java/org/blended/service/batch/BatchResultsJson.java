package org.blended.service.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * A batch's results as a JSON array, an object written as each row is read: a decided row has
 * lenderReference, applicationId and outcome, a refused one its rejection.
 */
@Component
class BatchResultsJson {

    private final BatchResultRows rows;
    private final ObjectMapper json;

    BatchResultsJson(BatchResultRows rows, ObjectMapper json) {
        this.rows = rows;
        this.json = json;
    }

    void write(UUID batchId, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the response is the container's to close
            generator.writeStartArray();
            try {
                rows.forEach(batchId, row -> {
                    try {
                        generator.writeStartObject();
                        generator.writeNumberField("row", row.row());
                        field(generator, "lenderReference", row.lenderReference());
                        field(generator, "applicationId", row.applicationId() == null ? null : row.applicationId().toString());
                        field(generator, "outcome", row.outcome());
                        field(generator, "rejection", row.rejection());
                        generator.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            generator.writeEndArray();
        }
    }

    private static void field(JsonGenerator generator, String name, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(name, value);
        }
    }
}
