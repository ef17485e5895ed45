package org.blended.service.portfolio.funder;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.rules.application.Measure;
import org.blended.service.report.ReportFilter;

/** The funder report as JSON for machines, streamed: {"scope", "rows": [...], "totals", "notes"}. */
final class FunderJson implements FunderFormat {

    private final ObjectMapper mapper;
    private JsonGenerator json;

    FunderJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void begin(OutputStream out, ReportFilter filter) throws IOException {
        json = mapper.getFactory().createGenerator(out);
        json.writeStartObject();
        json.writeObjectFieldStart("scope");
        json.writeStringField("lender", filter.lenderCode());
        json.writeStringField("from", filter.from().toString());
        json.writeStringField("to", filter.to().toString());
        json.writeStringField("ruleSetVersion", filter.ruleSetVersion());
        json.writeEndObject();
        json.writeArrayFieldStart("rows");
    }

    @Override
    public void row(FunderRow row) throws IOException {
        mapper.writeValue(json, row);
    }

    @Override
    public void end(FunderTotals totals) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("totals");
        json.writeNumberField("applications", totals.applications());
        json.writeNumberField("amount", totals.amount());
        json.writeObjectFieldStart("net");
        for (Measure m : Measure.values()) {
            if (m != Measure.LIVING_WAGE_STAFF) {
                json.writeNumberField(m.name(), totals.net(m));
            }
        }
        json.writeEndObject();
        json.writeNumberField("valuedGbp", totals.valuedGbp());
        json.writeEndObject();
        json.writeStringField("notes", NOTES);
        json.writeEndObject();
        json.flush();
    }
}
