package org.blended.service.security.body;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one request body with non-blocking reads: Tomcat calls it when bytes have arrived, on a
 * worker thread only for as long as it takes to store them. Once the body is whole the request is
 * dispatched to be handled; a body over its limit, too slow (checked on the deadline timer) or over
 * the shared budget is refused instead. Whatever happens, what the body held is freed when the
 * request completes.
 */
final class BodyReader implements ReadListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(BodyReader.class);
    /** Per worker thread, not per body: thousands of bodies may be arriving at once. */
    private static final ThreadLocal<byte[]> CHUNK = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    private enum State { READING, DISPATCHED, ENDED }

    private enum Refusal { TOO_LARGE, TOO_SLOW, BUSY }

    private final AsyncContext async;
    private final ServletInputStream in;
    private final BufferedRequest request;
    private final BufferedBody body;
    private final long limit;
    private final BodyRefusals refusals;
    private final BodyDeadlines deadlines;
    private final RequestBodyProperties properties;
    private final long started = System.nanoTime();
    private State state = State.READING;
    private ScheduledFuture<?> deadline;

    BodyReader(AsyncContext async, ServletInputStream in, BufferedRequest request, BufferedBody body, long limit,
               BodyRefusals refusals, BodyDeadlines deadlines, RequestBodyProperties properties) {
        this.async = async;
        this.in = in;
        this.request = request;
        this.body = body;
        this.limit = limit;
        this.refusals = refusals;
        this.deadlines = deadlines;
        this.properties = properties;
    }

    void start() {
        async.addListener(this);
        synchronized (this) {
            deadline = deadlines.after(properties.allowedNanos(0), this::checkDeadline);
        }
        in.setReadListener(this);
    }

    @Override
    public void onDataAvailable() throws IOException {
        Refusal refusal = null;
        byte[] chunk = CHUNK.get();
        synchronized (this) {
            while (state == State.READING && refusal == null && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    break; // onAllDataRead follows
                }
                if (body.length() + n > limit) {
                    refusal = Refusal.TOO_LARGE;
                } else if (!hold(chunk, n)) {
                    refusal = Refusal.BUSY;
                }
            }
            if (refusal != null) {
                end();
            }
        }
        if (refusal != null) {
            refuse(refusal);
        }
    }

    @Override
    public void onAllDataRead() {
        boolean kept = true;
        synchronized (this) {
            if (state != State.READING) {
                return;
            }
            try {
                body.finish();
            } catch (IOException e) {
                log.warn("Could not keep a request body: {}", e.toString());
                kept = false;
            }
            if (kept) {
                state = State.DISPATCHED;
                deadline.cancel(false);
            } else {
                end();
            }
        }
        if (kept) {
            async.dispatch();
        } else {
            refuse(Refusal.BUSY);
        }
    }

    /** False when the bytes cannot be kept: the budget is spent, or the disk failed (both worth a retry later). */
    private boolean hold(byte[] chunk, int n) {
        try {
            return body.append(chunk, 0, n);
        } catch (IOException e) {
            log.warn("Could not keep a request body: {}", e.toString());
            return false;
        }
    }

    @Override
    public void onError(Throwable t) {
        boolean reading;
        synchronized (this) {
            reading = state == State.READING;
            if (reading) {
                end();
            }
        }
        if (reading) { // the client went away (then the answer is lost), or sent nothing for the connection timeout
            log.debug("Request body not received: {}", t.toString());
            refuse(Refusal.TOO_SLOW);
        }
    }

    /** On the timer: a body that has not kept up is refused, one that has is checked again when it next could fall behind. */
    private void checkDeadline() {
        synchronized (this) {
            if (state != State.READING) {
                return;
            }
            long behind = properties.allowedNanos(body.length()) - (System.nanoTime() - started);
            if (behind > 0) {
                try {
                    deadline = deadlines.after(behind, this::checkDeadline);
                } catch (RejectedExecutionException stopping) {
                    // the server is stopping and closes the connection
                }
                return;
            }
            end();
        }
        try {
            async.start(() -> refuse(Refusal.TOO_SLOW)); // written on a container thread, as Tomcat prefers
        } catch (IllegalStateException alreadyDone) {
            // the connection has gone meanwhile
        }
    }

    private void refuse(Refusal refusal) {
        HttpServletResponse response = (HttpServletResponse) async.getResponse();
        try {
            switch (refusal) {
                case TOO_LARGE -> refusals.tooLarge(request, response);
                case TOO_SLOW -> refusals.tooSlow(request, response);
                case BUSY -> refusals.busy(request, response);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Could not answer a refused request body: {}", e.toString());
        }
        complete();
    }

    /** Under the lock: no more reading, no more deadline. */
    private void end() {
        state = State.ENDED;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // Tomcat has ended the request itself (the connection is gone)
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (this) {
            if (state == State.READING) {
                end();
            }
        }
        body.discard();
        request.discardParts();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // no container timeout: the deadline above decides
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    /** The handler went asynchronous itself: stay registered, to free the body when it completes. */
    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
