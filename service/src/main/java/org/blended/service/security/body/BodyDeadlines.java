package org.blended.service.security.body;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;

/** One timer thread for the deadlines of every request body being received. */
final class BodyDeadlines implements DisposableBean {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "request-body-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    BodyDeadlines() {
        timer.setRemoveOnCancelPolicy(true); // most bodies arrive in time: their checks must not pile up
    }

    ScheduledFuture<?> after(long nanos, Runnable check) {
        return timer.schedule(check, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
