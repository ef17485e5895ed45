package org.blended.integration.intake;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every channel converges on one assessment route. Each intake route only says where an
 * application comes from; reading, assessing and storing happen once, in {@link ApplicationIntake}.
 */
@Component
@EnableConfigurationProperties(FileIntakeProperties.class)
public class IntakeRoutes extends RouteBuilder {

    public static final String ASSESS = "direct:assess";
    public static final String REST_INTAKE = "direct:rest-intake";
    public static final String CHANNEL = "blendedChannel";
    public static final String SOURCE = "blendedSource";
    static final String TARGET = "blendedTarget";

    private final ApplicationIntake intake;
    private final FileIntakeProperties files;
    private final RejectedFileNote rejectedFileNote;

    public IntakeRoutes(ApplicationIntake intake, FileIntakeProperties files) {
        this.intake = intake;
        this.files = files;
        this.rejectedFileNote = new RejectedFileNote(files.directory());
    }

    @Override
    public void configure() {
        from(ASSESS).routeId("assess")
                .errorHandler(noErrorHandler()) // the calling channel decides what a failure means
                .process(exchange -> exchange.getMessage().setBody(new Submission(
                        exchange.getMessage().getBody(byte[].class),
                        exchange.getMessage().getHeader(CHANNEL, Channel.class),
                        exchange.getMessage().getHeader(SOURCE, String.class))))
                .bean(intake, "submit");

        from(REST_INTAKE).routeId("rest-intake")
                .errorHandler(noErrorHandler()) // the REST controller answers every failure itself
                .setHeader(CHANNEL, constant(Channel.REST))
                .to(ASSESS);

        if (files.enabled()) {
            from("file:" + files.directory()
                    + "?antInclude=*.json&readLock=changed&readLockCheckInterval=250&readLockMinAge=500"
                    + "&delay=" + files.pollDelayMillis() + "&move=${header." + TARGET + "}")
                    .routeId("file-intake")
                    .setHeader(CHANNEL, constant(Channel.FILE))
                    .setHeader(SOURCE, header("CamelFileName"))
                    .setHeader(TARGET, simple("done/${file:name.noext}-${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}"))
                    .convertBodyTo(byte[].class)
                    .doTry()
                        .to(ASSESS)
                        .log("Decided ${header." + SOURCE + "}: application ${body.applicationId()} ${body.outcome()}")
                    .doCatch(InvalidSubmissionException.class, Exception.class)
                        .setHeader(TARGET, simple("error/${file:name.noext}-${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}"))
                        .process(rejectedFileNote)
                        .log("Refused ${header." + SOURCE + "}: ${exception.message}; moved to ${header." + TARGET + "}")
                    .end();
        }
    }
}
