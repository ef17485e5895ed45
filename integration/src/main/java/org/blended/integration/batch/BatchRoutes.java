package org.blended.integration.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.builder.RouteBuilder;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.IntakeRoutes;
import org.blended.integration.submission.RetryProperties;
import org.blended.integration.submission.TransientIntakeException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A batch (a JSON array or a CSV file, dropped or posted) is streamed in chunks: each chunk is
 * assessed, stored and counted in one transaction, so progress is visible while it runs and a
 * restart resumes after the last committed chunk instead of starting again.
 */
@Component
@EnableConfigurationProperties(BatchProperties.class)
public class BatchRoutes extends RouteBuilder {

    /** Reads the batch in the body (a stream) of the lender, channel and source the intake headers name. */
    public static final String BATCH = "direct:batch";
    /** Header: the batch's id; the same batch resumed keeps its id. */
    public static final String BATCH_ID = "blendedBatchId";
    /** Header: the {@link BatchFormat}. */
    public static final String BATCH_FORMAT = "blendedBatchFormat";
    static final String CHUNK = "direct:batch-chunk";
    static final String ROWS = "blendedBatchRows";

    private final BatchIntake batches;
    private final ObjectMapper json;
    private final BatchProperties properties;
    private final RetryProperties retry;

    BatchRoutes(BatchIntake batches, ObjectMapper json, BatchProperties properties, RetryProperties retry) {
        this.batches = batches;
        this.json = json;
        this.properties = properties;
        this.retry = retry;
    }

    @Override
    public void configure() {
        from(BATCH).routeId("batch")
                .errorHandler(noErrorHandler()) // the calling route decides what a failed batch means
                .process(this::open)
                .doTry()
                    .split(exchangeProperty(ROWS)).streaming().stopOnException()
                        .process(this::toChunk)
                        .to(CHUNK)
                    .end()
                    .process(this::finish)
                .endDoTry()
                .doCatch(Exception.class)
                    .process(this::failUnlessTransient)
                .doFinally()
                    .process(exchange -> {
                        batches.leave(exchange.getMessage().getHeader(BATCH_ID, UUID.class));
                        exchange.getProperty(ROWS, BatchRows.class).close();
                    })
                .end();

        RouteDefinition chunks = from(CHUNK).routeId("batch-chunk");
        retry.backOff(chunks.onException(TransientIntakeException.class)).end();
        chunks.process(exchange -> batches.submitChunk(exchange.getMessage().getBody(BatchChunk.class)));
    }

    private void open(Exchange exchange) throws Exception {
        var message = exchange.getMessage();
        BatchStart start = new BatchStart(message.getHeader(BATCH_ID, UUID.class),
                message.getHeader(IntakeRoutes.LENDER, UUID.class), message.getHeader(IntakeRoutes.CHANNEL, Channel.class),
                message.getHeader(IntakeRoutes.SOURCE, String.class), message.getHeader(BATCH_FORMAT, BatchFormat.class),
                message.getHeader(Exchange.FILE_LENGTH, Long.class));
        int done = batches.open(start);
        InputStream in = message.getMandatoryBody(InputStream.class);
        try {
            exchange.setProperty(ROWS, BatchRows.read(in, start.format(), json, properties.chunkSize(), done));
        } catch (RuntimeException | IOException e) {
            in.close();
            batches.fail(start.batchId(), done, BatchFailure.reason(start.batchId(), e));
            throw e;
        }
        if (done == BatchIntake.FINISHED) {
            log.info("Batch {} ({}) was finished before; reading past it changes nothing", start.batchId(), start.source());
        } else if (done > 0) {
            log.info("Resuming batch {} ({}) after row {}", start.batchId(), start.source(), done);
        }
    }

    private void toChunk(Exchange exchange) {
        var message = exchange.getMessage();
        @SuppressWarnings("unchecked")
        List<BatchRow> rows = message.getBody(List.class);
        message.setBody(new BatchChunk(message.getHeader(BATCH_ID, UUID.class), message.getHeader(IntakeRoutes.LENDER, UUID.class),
                message.getHeader(IntakeRoutes.CHANNEL, Channel.class), message.getHeader(IntakeRoutes.SOURCE, String.class), rows,
                exchange.getProperty(ROWS, BatchRows.class).bytesRead()));
    }

    private void finish(Exchange exchange) {
        BatchRows rows = exchange.getProperty(ROWS, BatchRows.class);
        batches.finish(exchange.getMessage().getHeader(BATCH_ID, UUID.class), rows.rowsRead());
    }

    /**
     * A transient failure leaves the batch running, to be resumed, as does losing it to another
     * instance; anything else ends it as failed.
     */
    private void failUnlessTransient(Exchange exchange) throws Exception {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Throwable root = cause;
        while (root.getCause() != null && !resumable(root) && !(root instanceof UnreadableBatchException)) {
            root = root.getCause();
        }
        if (!resumable(root)) {
            BatchRows rows = exchange.getProperty(ROWS, BatchRows.class);
            UUID batchId = exchange.getMessage().getHeader(BATCH_ID, UUID.class);
            batches.fail(batchId, rows.rowsRead(), BatchFailure.reason(batchId, root));
        }
        throw root instanceof Exception e ? e : cause;
    }

    private static boolean resumable(Throwable failure) {
        return failure instanceof TransientIntakeException || failure instanceof BatchBusyException;
    }

    /**
     * A batch another instance holds fails the exchange, so the file component keeps the file
     * (no move, no delete) and reads it again at a later poll, when that instance has finished it or
     * stopped and its claim lapsed. Expected while it lasts, so not logged at every poll.
     */
    public static RouteDefinition leavingBusyBatchesQuietly(RouteDefinition route) {
        route.onException(BatchBusyException.class).logExhausted(false).logStackTrace(false)
                .logRetryAttempted(false).end();
        return route;
    }
}
