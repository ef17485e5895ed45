package org.blended.service.portfolio.funder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.blended.service.report.ReportFilter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the funder report of a period to a stream, in the format asked for, a page of rows at a time. */
@Service
public class FunderReports {

    /** The formats a funder report is written in, with their media types and file name endings. */
    public enum Format {
        CSV("text/csv", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        JSON("application/json", "json");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    private final FunderRows rows;
    private final ObjectMapper mapper;

    FunderReports(FunderRows rows, ObjectMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    /** A file name that says whose report and which months: "funder-report-demo-lender-2026-01-2026-12.csv". */
    public static String fileName(ReportFilter filter, Format format) {
        return "funder-report-" + (filter.lenderCode() == null ? "every-lender" : filter.lenderCode()) + "-"
                + filter.from() + "-" + filter.to()
                + (filter.ruleSetVersion() == null ? "" : "-" + filter.ruleSetVersion().replaceAll("[^A-Za-z0-9-]", "_"))
                + "." + format.extension();
    }

    @Transactional(readOnly = true)
    public void write(ReportFilter filter, Format format, OutputStream out) throws IOException {
        FunderFormat writer = switch (format) {
            case CSV -> new FunderCsv();
            case XLSX -> new FunderXlsx();
            case JSON -> new FunderJson(mapper);
        };
        FunderTotals totals = new FunderTotals();
        writer.begin(out, filter);
        try {
            rows.each(filter, row -> {
                totals.add(row);
                try {
                    writer.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.end(totals);
    }
}
