package org.blended.integration.intake;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every channel converges on one assessment route. Each intake route only says where an
 * application comes from and which lender it belongs to; reading, assessing and storing happen
 * once, in {@link ApplicationIntake}.
 */
@Component
@EnableConfigurationProperties({FileIntakeProperties.class, QueueIntakeProperties.class})
public class IntakeRoutes extends RouteBuilder {

    public static final String ASSESS = "direct:assess";
    public static final String REST_INTAKE = "direct:rest-intake";
    public static final String CHANNEL = "blendedChannel";
    public static final String SOURCE = "blendedSource";
    public static final String LENDER = "blendedLender";
    static final String TARGET = "blendedTarget";
    static final String BROKER_USER = "CamelSpringRabbitmqUserId";

    private final ApplicationIntake intake;
    private final Lenders lenders;
    private final FileIntakeProperties files;
    private final QueueIntakeProperties queue;

    public IntakeRoutes(ApplicationIntake intake, Lenders lenders, FileIntakeProperties files,
                        QueueIntakeProperties queue) {
        this.intake = intake;
        this.lenders = lenders;
        this.files = files;
        this.queue = queue;
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
                .errorHandler(noErrorHandler()) // the REST controller answers every failure itself
                .setHeader(CHANNEL, constant(Channel.REST))
                .to(ASSESS);

        if (files.enabled()) {
            fileIntake();
        }
        if (queue.enabled()) {
            queueIntake();
        }
    }

    /** One folder per lender: {@code <directory>/<lender code>/*.json}; its done/ and error/ are not read. */
    private void fileIntake() {
        String timestamped = "${file:onlyname.noext}-${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}";
        // An absolute folder makes ${file:parent} absolute, so done/ and error/ land beside the file.
        from("file:" + java.nio.file.Path.of(files.directory()).toAbsolutePath()
                + "?recursive=true&minDepth=2&maxDepth=2&antInclude=*/*.json"
                + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=500"
                + "&delay=" + files.pollDelayMillis() + "&move=${header." + TARGET + "}")
                .routeId("file-intake")
                .setHeader(CHANNEL, constant(Channel.FILE))
                .setHeader(SOURCE, header(Exchange.FILE_NAME))
                .setHeader(TARGET, simple("${file:parent}/done/" + timestamped))
                .doTry()
                    .process(this::attributeToFolder)
                    .process(this::refuseOversizedFile)
                    .convertBodyTo(byte[].class)
                    .to(ASSESS)
                    .log("Decided ${header." + SOURCE + "}: application ${body.applicationId()} ${body.outcome()}")
                .doCatch(Exception.class)
                    .setHeader(TARGET, simple("${file:parent}/error/" + timestamped))
                    .process(new RejectedFileNote())
                    .log("Refused ${header." + SOURCE + "}: ${exception.message}; moved to ${header." + TARGET + "}")
                .end();
    }

    private void queueIntake() {
        from("spring-rabbitmq:" + queue.exchange() + "?queues=" + queue.queue() + "&routingKey=applications"
                + "&autoDeclare=true&deadLetterExchange=" + queue.deadLetterExchange()
                + "&deadLetterQueue=" + queue.deadLetterQueue() + "&deadLetterRoutingKey=" + queue.deadLetterQueue()
                + "&concurrentConsumers=" + queue.consumers() + "&rejectAndDontRequeue=true")
                .routeId("queue-intake")
                .errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false))
                .setHeader(CHANNEL, constant(Channel.QUEUE))
                .setHeader(SOURCE, simple("queue:${header.CamelSpringRabbitmqMessageId}"))
                .process(this::attributeToBrokerUser)
                .convertBodyTo(byte[].class)
                .to(ASSESS);
    }

    /** The lender is the folder the file was dropped in: "acme-fund/app.json" belongs to acme-fund. */
    private void attributeToFolder(Exchange exchange) {
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        String code = relative.substring(0, relative.indexOf('/'));
        exchange.getMessage().setHeader(LENDER, lenders.idOfCode(code).orElseThrow(() ->
                new UnattributedSubmissionException("the folder " + code + " belongs to no lender; "
                        + "drop files into the folder named after your lender code")));
    }

    private void refuseOversizedFile(Exchange exchange) {
        Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > files.maxFileBytes()) {
            throw new InvalidSubmissionException(java.util.List.of(new InvalidField("$",
                    "the file has " + length + " bytes; one application may have at most " + files.maxFileBytes())));
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
