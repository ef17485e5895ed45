package org.blended.integration.queue;

import org.blended.integration.submission.TransientIntakeException;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;

/**
 * Decides what becomes of a message whose route failed. A transient failure (already retried
 * with back-off by the route) goes back on the queue, so it waits for the database rather than
 * being dead-lettered. Anything else, such as an invalid application (already recorded as a
 * rejection), goes to the dead-letter queue at once: retrying it cannot help.
 */
class QueueFailureRecoverer implements MessageRecoverer {

    @Override
    public void recover(Message message, Throwable cause) {
        if (causedBy(cause, TransientIntakeException.class)) {
            throw new ImmediateRequeueAmqpException("requeued after a transient failure: " + cause.getMessage(), cause);
        }
        throw new AmqpRejectAndDontRequeueException("dead-lettered: " + cause.getMessage(), cause);
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
