package org.blended.integration.submission;

import org.apache.camel.LoggingLevel;
import org.apache.camel.model.OnExceptionDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Back-off for transient failures (the database unreachable): the first retry after
 * {@code initialDelayMillis}, each next one twice as late up to {@code maxDelayMillis}. After
 * {@code attempts} a message is put back on its queue and a file stays in its folder, both to be
 * tried again; neither is dead-lettered.
 */
@ConfigurationProperties("blended.intake.retry")
public record RetryProperties(Integer attempts, Long initialDelayMillis, Long maxDelayMillis) {

    public RetryProperties {
        attempts = attempts == null ? 8 : attempts;
        initialDelayMillis = initialDelayMillis == null ? 500L : initialDelayMillis;
        maxDelayMillis = maxDelayMillis == null ? 30_000L : maxDelayMillis;
    }

    /** This back-off on a route's onException clause for transient failures. */
    public OnExceptionDefinition backOff(OnExceptionDefinition onException) {
        return onException.maximumRedeliveries(attempts).redeliveryDelay(initialDelayMillis)
                .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(maxDelayMillis)
                .retryAttemptedLogLevel(LoggingLevel.WARN).logStackTrace(false).logExhaustedMessageHistory(false);
    }
}
