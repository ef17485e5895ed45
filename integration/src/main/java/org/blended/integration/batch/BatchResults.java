package org.blended.integration.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * A finished batch's results, one CSV line a row (row, lenderReference, applicationId, outcome,
 * rejection), written as they are read: the service knows them, the file route puts them beside
 * the dropped file.
 */
public interface BatchResults {

    void writeCsv(UUID batchId, OutputStream out) throws IOException;
}
