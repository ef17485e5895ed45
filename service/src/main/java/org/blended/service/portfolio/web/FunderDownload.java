package org.blended.service.portfolio.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.blended.service.portfolio.funder.FunderReports;
import org.blended.service.report.ReportFilter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Sends a funder report as the response, streamed straight to it: the page's downloads and the API's. */
final class FunderDownload {

    private FunderDownload() {
    }

    static void write(FunderReports reports, ReportFilter filter, FunderReports.Format format, HttpServletResponse response,
                      boolean attachment) throws IOException {
        response.setContentType(format.mediaType() + (format == FunderReports.Format.XLSX ? "" : ";charset=UTF-8"));
        if (attachment) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(FunderReports.fileName(filter, format)).build().toString());
        }
        reports.write(filter, format, response.getOutputStream());
        response.flushBuffer();
    }
}
