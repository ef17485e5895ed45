package org.blended.integration.submission;

import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every channel converges on one assessment route. Each channel's route only says where an
 * application comes from and which lender it belongs to, in the headers below; reading,
 * assessing and storing happen once, in {@link ApplicationIntake} (one application) or the batch
 * route (many).
 */
@Component
@EnableConfigurationProperties(RetryProperties.class)
public class IntakeRoutes extends RouteBuilder {

    /** A REST call's application: answered with its {@link IntakeResult}, or its failure at once. */
    public static final String REST_INTAKE = "direct:rest-intake";
    /** One application, with transient failures retried with back-off (see {@link RetryProperties}). */
    public static final String ASSESS_WITH_RETRY = "direct:assess-with-retry";
    /** Header: the {@link Channel}. */
    public static final String CHANNEL = "blendedChannel";
    /** Header: where from within the channel, see {@link Submission#source()}. */
    public static final String SOURCE = "blendedSource";
    /** Header: the lender's id, established by the channel, never read from the payload. */
    public static final String LENDER = "blendedLender";
    static final String ASSESS = "direct:assess";

    private final ApplicationIntake intake;
    private final RetryProperties retry;

    IntakeRoutes(ApplicationIntake intake, RetryProperties retry) {
        this.intake = intake;
        this.retry = retry;
    }

    @Override
    public void configure() {
        from(ASSESS).routeId("assess")
                .errorHandler(noErrorHandler()) // the calling channel decides what a failure means
                .process(exchange -> exchange.getMessage().setBody(submission(exchange)))
                .bean(intake, "submit");

        from(REST_INTAKE).routeId("rest-intake")
                .errorHandler(noErrorHandler()) // the REST caller gets 503 at once and may retry itself
                .setHeader(CHANNEL, constant(Channel.REST))
                .to(ASSESS);

        RouteDefinition withRetry = from(ASSESS_WITH_RETRY).routeId("assess-with-retry");
        retry.backOff(withRetry.onException(TransientIntakeException.class)).end();
        withRetry.to(ASSESS);
    }

    /** The exchange's body as a submission of the channel, source and lender its headers name. */
    private static Submission submission(Exchange exchange) {
        var message = exchange.getMessage();
        return new Submission(message.getBody(byte[].class), message.getHeader(CHANNEL, Channel.class),
                message.getHeader(SOURCE, String.class), message.getHeader(LENDER, UUID.class));
    }

    /** In a doCatch: fails the exchange again with what was caught, after the catch has logged it. */
    public static void rethrow(Exchange exchange) throws Exception {
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}
