package org.blended.integration.intake;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.processor.aggregate.GroupedExchangeAggregationStrategy;
import org.blended.integration.batch.BatchBusyException;
import org.blended.integration.batch.BatchFormat;
import org.blended.integration.batch.BatchProperties;
import org.blended.integration.batch.BatchRoutes;
import org.blended.integration.batch.DroppedBatch;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.retry.interceptor.RetryOperationsInterceptor;
import org.springframework.retry.policy.NeverRetryPolicy;
import org.springframework.stereotype.Component;

/**
 * Every channel converges on one assessment route. Each intake route only says where an
 * application comes from and which lender it belongs to; reading, assessing and storing happen
 * once, in {@link ApplicationIntake} (one application) or the batch route (many).
 */
@Component
@EnableConfigurationProperties({FileIntakeProperties.class, QueueIntakeProperties.class, RetryProperties.class,
        BatchProperties.class})
public class IntakeRoutes extends RouteBuilder {

    public static final String ASSESS = "direct:assess";
    public static final String REST_INTAKE = "direct:rest-intake";
    public static final String CHANNEL = "blendedChannel";
    public static final String SOURCE = "blendedSource";
    public static final String LENDER = "blendedLender";
    static final String ASSESS_WITH_RETRY = "direct:assess-with-retry";
    static final String QUEUE_CHUNK = "direct:queue-chunk";
    static final String TARGET = "blendedTarget";
    static final String BROKER_USER = "CamelSpringRabbitmqUserId";
    /** The queue consumer's retry advice; see {@link QueueFailureRecoverer}. */
    static final String QUEUE_RETRY = "blendedQueueRetry";
    private static final int MAX_SOURCE = 255;

    private final ApplicationIntake intake;
    private final Lenders lenders;
    private final FileIntakeProperties files;
    private final QueueIntakeProperties queue;
    private final RetryProperties retry;
    private final BatchProperties batches;

    public IntakeRoutes(ApplicationIntake intake, Lenders lenders, FileIntakeProperties files,
                        QueueIntakeProperties queue, RetryProperties retry, BatchProperties batches) {
        this.intake = intake;
        this.lenders = lenders;
        this.files = files;
        this.queue = queue;
        this.retry = retry;
        this.batches = batches;
    }

    /** No consumer-side retries: the route retries transient failures itself; the recoverer sorts the rest. */
    @Bean(QUEUE_RETRY)
    static RetryOperationsInterceptor queueRetry() {
        MessageRecoverer recoverer = new QueueFailureRecoverer();
        return RetryInterceptorBuilder.stateless().retryPolicy(new NeverRetryPolicy()).recoverer(recoverer).build();
    }

    @Override
    public void configure() {
        from(ASSESS).routeId("assess")
                .errorHandler(noErrorHandler()) // the calling channel decides what a failure means
                .process(exchange -> exchange.getMessage().setBody(new Submission(
                        exchange.getMessage().getBody(byte[].class),
                        exchange.getMessage().getHeader(CHANNEL, Channel.class),
                        exchange.getMessage().getHeader(SOURCE, String.class),
                        exchange.getMessage().getHeader(LENDER, UUID.class))))
                .bean(intake, "submit");

        from(REST_INTAKE).routeId("rest-intake")
                .errorHandler(noErrorHandler()) // the REST caller gets 503 at once and may retry itself
                .setHeader(CHANNEL, constant(Channel.REST))
                .to(ASSESS);

        retryingTransientFailures(from(ASSESS_WITH_RETRY).routeId("assess-with-retry"))
                .to(ASSESS);

        if (files.enabled()) {
            fileIntake();
        }
        apiBatchSpool();
        if (queue.enabled()) {
            queueIntake();
        }
    }

    /**
     * A batch another instance holds fails the exchange, so the file component keeps the file
     * (no move, no delete) and reads it again at a later poll, when that instance has finished it or
     * stopped and its claim lapsed. Expected while it lasts, so not logged at every poll.
     */
    private static RouteDefinition leavingBusyBatchesQuietly(RouteDefinition route) {
        route.onException(BatchBusyException.class).logExhausted(false).logStackTrace(false)
                .logRetryAttempted(false).end();
        return route;
    }

    private RouteDefinition retryingTransientFailures(RouteDefinition route) {
        retry.backOff(route.onException(TransientIntakeException.class)).end();
        return route;
    }

    /**
     * One folder per lender: {@code <directory>/<lender code>/}. A {@code .json} file holds one
     * application, or a batch when it is a JSON array; a {@code .csv} file is a batch. Its done/
     * and error/ folders are not read. A file stays where it is until it is finished, so a
     * restart or a transient failure means it is read again (already decided rows are skipped).
     */
    private void fileIntake() {
        String timestamped = "${file:onlyname.noext}-${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}";
        // An absolute folder makes ${file:parent} absolute, so done/ and error/ land beside the file.
        // readLockMinLength=0: an empty file is read (and refused) like any other; with the default of 1 it
        // could never be locked, and each one held the poll, for every lender, for the whole readLockTimeout.
        // A file still being written is skipped after readLockTimeout and read at a later poll.
        RouteDefinition route = from("file:" + Path.of(files.directory()).toAbsolutePath()
                + "?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*.json,*/*.csv"
                + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=500&readLockMinLength=0"
                + "&readLockTimeout=2000"
                + "&delay=" + files.pollDelayMillis() + "&move=${header." + TARGET + "}")
                .routeId("file-intake");
        leavingBusyBatchesQuietly(route)
                // side by side, so that a large batch does not hold up every other lender's files
                .threads(batches.concurrentBatches(), batches.concurrentBatches()).threadName("file-intake")
                .setHeader(CHANNEL, constant(Channel.FILE))
                .process(exchange -> exchange.getMessage().setHeader(SOURCE,
                        source(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class))))
                .setHeader(TARGET, simple("${file:parent}/done/" + timestamped))
                .doTry()
                    .process(this::attributeToFolder)
                    .process(this::refuseEmptyFile)
                    .choice()
                        .when(this::isBatch)
                            .process(this::fileBatch)
                            .to(BatchRoutes.BATCH)
                            .log("Finished batch ${header." + BatchRoutes.BATCH_ID + "} from ${header." + SOURCE + "}")
                        .otherwise()
                            .process(this::refuseOversizedFile)
                            .convertBodyTo(byte[].class)
                            .to(ASSESS_WITH_RETRY)
                            .log("Decided ${header." + SOURCE + "}: application ${body.applicationId()} ${body.outcome()}")
                    .end()
                .endDoTry()
                .doCatch(BatchBusyException.class)
                    .log(LoggingLevel.DEBUG, "Left ${header." + SOURCE + "} to the instance working on it")
                    .process(IntakeRoutes::rethrow) // failed, so the file stays where it is, to be read again
                .doCatch(TransientIntakeException.class)
                    .log(LoggingLevel.WARN, "Left ${header." + SOURCE + "} in place to try again: ${exception.message}")
                    .process(IntakeRoutes::rethrow)
                .doCatch(Exception.class)
                    .setHeader(TARGET, simple("${file:parent}/error/" + timestamped))
                    .process(new RejectedFileNote())
                    .log("Refused ${header." + SOURCE + "}: ${exception.message}; moved to ${header." + TARGET + "}")
                .end();
    }

    /**
     * Batches posted to the API wait here as {@code <spool>/<lender code>/<batch id>.<json|csv>}
     * until done; read like dropped files, so a restart resumes them.
     */
    private void apiBatchSpool() {
        RouteDefinition route = from("file:" + Path.of(batches.spoolDirectory()).toAbsolutePath()
                + "?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*.json,*/*.csv&delete=true"
                + "&delay=" + batches.pollDelayMillis())
                .routeId("api-batches");
        leavingBusyBatchesQuietly(route)
                // side by side: one at a time, a batch posted waited for every batch before it (one resumed at start too)
                .threads(batches.concurrentBatches(), batches.concurrentBatches()).threadName("api-batch")
                .setHeader(CHANNEL, constant(Channel.REST))
                .setHeader(SOURCE, simple("api:${file:onlyname}"))
                .process(this::attributeToFolder)
                .process(exchange -> {
                    String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                    exchange.getMessage().setHeader(BatchRoutes.BATCH_ID, UUID.fromString(name.substring(0, name.lastIndexOf('.'))));
                    exchange.getMessage().setHeader(BatchRoutes.BATCH_FORMAT, BatchFormat.of(name));
                })
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

    /**
     * Messages are gathered per lender into chunks (up to {@code chunkSize}, or whatever came
     * within {@code chunkWaitMillis}) and stored in one transaction, and each is acknowledged by
     * hand only once that transaction has committed: a crash before means redelivery, and the
     * (lender, reference) check answers a redelivered application with its first decision.
     */
    private void queueIntake() {
        from("spring-rabbitmq:" + queue.exchange() + "?queues=" + queue.queue()
                + "&routingKey=" + queue.routingKey() + "&autoDeclare=true"
                + "&deadLetterExchange=" + queue.deadLetterExchange()
                + "&deadLetterQueue=" + queue.deadLetterQueue() + "&deadLetterRoutingKey=" + queue.deadLetterQueue()
                + "&acknowledgeMode=MANUAL&concurrentConsumers=" + queue.consumers()
                + "&prefetchCount=" + queue.prefetch() + "&retry=#" + QUEUE_RETRY)
                .routeId("queue-intake")
                .setHeader(CHANNEL, constant(Channel.QUEUE))
                .process(exchange -> {
                    String messageId = exchange.getMessage().getHeader("CamelSpringRabbitmqMessageId", String.class);
                    exchange.getMessage().setHeader(SOURCE, source("queue:" + (messageId == null ? "message without id" : messageId)));
                })
                .doTry()
                    .process(this::attributeToBrokerUser)
                    .convertBodyTo(byte[].class)
                    .aggregate(header(LENDER), new GroupedExchangeAggregationStrategy())
                        .completionSize(queue.chunkSize()).completionTimeout(queue.chunkWaitMillis())
                        .to(QUEUE_CHUNK)
                    .end()
                .endDoTry()
                .doCatch(UnattributedSubmissionException.class)
                    .log(LoggingLevel.WARN, "Dead-lettered ${header." + SOURCE + "}: ${exception.message}")
                    .process(exchange -> QueueAcknowledgements.reject(exchange, false))
                .doCatch(TransientIntakeException.class) // the lender not found for now: the database is away
                    .log(LoggingLevel.WARN, "Requeued ${header." + SOURCE + "}: ${exception.message}")
                    .process(exchange -> QueueAcknowledgements.reject(exchange, true))
                .end();

        RouteDefinition chunks = from(QUEUE_CHUNK).routeId("queue-chunk");
        retry.backOff(chunks.onException(TransientIntakeException.class))
                    .handled(true)
                    .process(exchange -> messages(exchange).forEach(m -> QueueAcknowledgements.reject(m, true)))
                    .log(LoggingLevel.WARN, "Requeued ${body.size()} messages after a transient failure: ${exception.message}")
                .end();
        chunks.onException(Exception.class) // a fault of ours: kept in the dead-letter queue, not lost
                    .handled(true)
                    .process(exchange -> messages(exchange).forEach(m -> QueueAcknowledgements.reject(m, false)))
                    .log(LoggingLevel.ERROR, "Dead-lettered ${body.size()} messages: ${exception.message}")
                .end();
        chunks.process(exchange -> {
                    List<Exchange> messages = messages(exchange);
                    QueueAcknowledgements.settle(messages, QueueChunk.submit(intake, messages));
                });
    }

    /**
     * Where a submission came from, as stored with it: a message id or file name is the sender's
     * choice, so it is made storable and cut to the column's 255 characters.
     */
    private static String source(String source) {
        return StorableText.of(source, MAX_SOURCE);
    }

    @SuppressWarnings("unchecked")
    private static List<Exchange> messages(Exchange chunk) {
        return chunk.getMessage().getBody(List.class);
    }

    private static void rethrow(Exchange exchange) throws Exception {
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** The lender is the folder the file was dropped in: "acme-fund/app.json" belongs to acme-fund. */
    private void attributeToFolder(Exchange exchange) {
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        String code = relative.substring(0, relative.indexOf('/'));
        exchange.getMessage().setHeader(LENDER, lenders.idOfCode(code).orElseThrow(() ->
                new UnattributedSubmissionException("the folder " + code + " belongs to no lender; "
                        + "drop files into the folder named after your lender code")));
    }

    /** A CSV file, or a JSON file whose first character is '[': many applications. */
    private boolean isBatch(Exchange exchange) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        if (BatchFormat.of(name) == BatchFormat.CSV) {
            return true;
        }
        try (InputStream in = Files.newInputStream(exchange.getMessage().getBody(File.class).toPath())) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '[';
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same file (name, size and time) is the same batch, so a restart resumes it. */
    private void fileBatch(Exchange exchange) {
        var message = exchange.getMessage();
        message.setHeader(BatchRoutes.BATCH_ID, DroppedBatch.id(message.getHeader(LENDER, UUID.class),
                message.getHeader(Exchange.FILE_NAME, String.class), message.getHeader(Exchange.FILE_LENGTH, Long.class),
                message.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class)));
        message.setHeader(BatchRoutes.BATCH_FORMAT, BatchFormat.of(message.getHeader(Exchange.FILE_NAME, String.class)));
    }

    /** An empty file holds no application: refused, and recorded like any file that cannot be read. */
    private void refuseEmptyFile(Exchange exchange) {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length == 0) {
            var message = exchange.getMessage();
            throw intake.refuse(new Submission(new byte[0], Channel.FILE, message.getHeader(SOURCE, String.class),
                    message.getHeader(LENDER, UUID.class)), new InvalidSubmissionException(List.of(new InvalidField("$",
                    "the file is empty; drop a file holding one application as JSON, a JSON array or CSV with a header row"))));
        }
    }

    private void refuseOversizedFile(Exchange exchange) {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > files.maxFileBytes()) {
            throw new InvalidSubmissionException(List.of(new InvalidField("$",
                    "the file has " + length + " bytes; one application may have at most " + files.maxFileBytes()
                            + " (send many applications as a JSON array or CSV batch)")));
        }
    }

    /** RabbitMQ refuses a user_id that is not the publishing user's name, so it cannot be forged. */
    private void attributeToBrokerUser(Exchange exchange) {
        String user = exchange.getMessage().getHeader(BROKER_USER, String.class);
        if (user == null || user.isBlank()) {
            throw new UnattributedSubmissionException("the message has no user_id property; publish as your "
                    + "lender's broker user and set user_id to it");
        }
        exchange.getMessage().setHeader(LENDER, lenders.idOfCode(user).orElseThrow(() ->
                new UnattributedSubmissionException("the broker user " + user + " is not a lender")));
    }
}
