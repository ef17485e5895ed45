package org.blended.integration.batch;

import static org.blended.integration.submission.IntakeRoutes.CHANNEL;
import static org.blended.integration.submission.IntakeRoutes.LENDER;
import static org.blended.integration.submission.IntakeRoutes.SOURCE;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.blended.integration.submission.Channel;
import org.blended.integration.submission.IntakeRoutes;
import org.blended.integration.submission.Lenders;
import org.blended.integration.submission.TransientIntakeException;
import org.springframework.stereotype.Component;

/**
 * Batches posted to the API wait in the spool as {@code <spool>/<lender code>/<batch id>.<json|csv>}
 * until done; read like dropped files, so a restart resumes them.
 */
@Component
class ApiBatchRoutes extends RouteBuilder {

    private static final String SPOOLED = "?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*.json,*/*.csv&delete=true"
            + "&delay={{blended.intake.batch.poll-delay-millis}}";

    private final Lenders lenders;
    private final BatchProperties batches;

    ApiBatchRoutes(Lenders lenders, BatchProperties batches) {
        this.lenders = lenders;
        this.batches = batches;
    }

    @Override
    public void configure() {
        // The folder is the bound property, not a placeholder: the API spools into the folder the property was
        // bound to once, and a placeholder would read it again (a ${random.uuid} in it would name another folder).
        BatchRoutes.leavingBusyBatchesQuietly(from("file:" + batches.absoluteSpoolDirectory() + SPOOLED).routeId("api-batches"))
                // side by side: one at a time, a batch posted waited for every batch before it (one resumed at start too)
                .threads(batches.concurrentBatches(), batches.concurrentBatches()).threadName("api-batch")
                .setHeader(CHANNEL, constant(Channel.REST))
                .setHeader(SOURCE, simple("api:${file:onlyname}"))
                .process(this::spooled)
                .doTry()
                    .to(BatchRoutes.BATCH)
                    .log("Finished batch ${header." + BatchRoutes.BATCH_ID + "}")
                .doCatch(BatchBusyException.class)
                    .log(LoggingLevel.DEBUG, "Batch ${header." + BatchRoutes.BATCH_ID + "} is in another instance's hands")
                    .process(IntakeRoutes::rethrow) // failed, so the spool file is kept, to be read again
                .doCatch(TransientIntakeException.class)
                    .log(LoggingLevel.WARN, "Batch ${header." + BatchRoutes.BATCH_ID + "} waits to be resumed: ${exception.message}")
                    .process(IntakeRoutes::rethrow)
                .doCatch(Exception.class)
                    .log("Batch ${header." + BatchRoutes.BATCH_ID + "} failed: ${exception.message}")
                .end();
    }

    /** The lender's folder, and the batch's id and format from the spool file's name. */
    private void spooled(Exchange exchange) {
        var message = exchange.getMessage();
        message.setHeader(LENDER, lenders.idOfFolder(message.getHeader(Exchange.FILE_NAME, String.class)));
        String name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        message.setHeader(BatchRoutes.BATCH_ID, UUID.fromString(name.substring(0, name.lastIndexOf('.'))));
        message.setHeader(BatchRoutes.BATCH_FORMAT, BatchFormat.of(name));
    }
}
