package org.blended.service.security.body;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes held by all request bodies at once, bounded (see {@link RequestBodyProperties#maxBuffered()}). */
final class BodyBudget {

    private final long max;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long max) {
        this.max = max;
    }

    /** False, taking nothing, when these bytes would pass the bound. */
    boolean take(long bytes) {
        if (held.addAndGet(bytes) > max) {
            held.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void give(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }
}
