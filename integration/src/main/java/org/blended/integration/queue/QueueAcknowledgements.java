package org.blended.integration.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.rabbitmq.client.Channel;
import org.apache.camel.Exchange;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.blended.integration.submission.SubmissionResult;

/**
 * Settles queue messages by hand, once their fate is committed: acknowledged when decided,
 * dead-lettered when refused (the refusal is on record by then), requeued after a transient
 * failure. Each message is settled on the channel that delivered it.
 */
final class QueueAcknowledgements {

    private QueueAcknowledgements() {
    }

    static void settle(List<Exchange> messages, List<SubmissionResult> results) {
        for (int i = 0; i < messages.size(); i++) {
            if (results.get(i).isDecided()) {
                acknowledge(messages.get(i));
            } else {
                reject(messages.get(i), false);
            }
        }
    }

    static void acknowledge(Exchange message) {
        try {
            channel(message).basicAck(tag(message), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Back on the queue ({@code requeue}), or to the dead-letter queue. */
    static void reject(Exchange message, boolean requeue) {
        try {
            channel(message).basicNack(tag(message), false, requeue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Channel channel(Exchange message) {
        return message.getProperty(SpringRabbitMQConstants.CHANNEL, Channel.class);
    }

    private static long tag(Exchange message) {
        return message.getMessage().getHeader(SpringRabbitMQConstants.DELIVERY_TAG, Long.class);
    }
}
