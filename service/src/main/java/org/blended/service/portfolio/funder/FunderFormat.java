package org.blended.service.portfolio.funder;

import java.io.IOException;
import java.io.OutputStream;

import org.blended.service.report.ReportFilter;

/** One way of writing the funder report, a row at a time as rows are read. */
interface FunderFormat {

    void begin(OutputStream out, ReportFilter filter) throws IOException;

    void row(FunderRow row) throws IOException;

    void end(FunderTotals totals) throws IOException;

    /** Where the export's figures and ids come from, said in every format. */
    String NOTES = "One row per application approved in the period (a person's final outcome where one decided). "
            + "Net claims are counted as the rules count them: net of deadweight, attribution and displacement, weighted "
            + "by evidence. Values in GBP are the rule set's or the lender's own, with their sources. IRIS+ ids: "
            + IrisMetrics.SOURCE + ".";
}
