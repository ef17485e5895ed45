package org.blended.service.security.body;

import org.blended.service.security.ProblemWriter;
import org.blended.service.security.RefusedRequests;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and
 * while reading when the body is chunked, so an oversized body is never held in memory. A lender's
 * refused submission is recorded.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** Batches are posted as files of many applications; they are streamed to disk, never held in memory. */
    private static final String BATCHES = "/api/v1/batches";
    /** A rule-set bundle of spreadsheets may be larger than an application; it is bounded again when unpacked. */
    private static final String RULE_SETS = "/api/v1/rule-sets";
    private static final long MAX_RULE_SET_BYTES = 20L * 1024 * 1024;

    private final long maxBytes;
    private final long maxBatchBytes;
    private final ProblemWriter problems;
    private final RefusedRequests refusals;

    public RequestSizeLimitFilter(long maxBytes, long maxBatchBytes, ProblemWriter problems, RefusedRequests refusals) {
        this.maxBytes = maxBytes;
        this.maxBatchBytes = maxBatchBytes;
        this.problems = problems;
        this.refusals = refusals;
    }

    long limit(HttpServletRequest request) {
        if (request.getRequestURI().equals(BATCHES)) {
            return maxBatchBytes;
        }
        return request.getRequestURI().equals(RULE_SETS) ? Math.max(maxBytes, MAX_RULE_SET_BYTES) : maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limit(request);
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(request, response);
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (Exception e) {
            if (causedByLimit(e) && !response.isCommitted()) {
                response.reset();
                tooLarge(request, response);
                return;
            }
            throw e;
        }
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = "A request body may have at most " + limit(request) + " bytes"
                + (limit(request) == maxBytes ? "; send many applications as a batch (POST /api/v1/batches)." : ".");
        Map<String, Object> recorded = new HashMap<>();
        refusals.refused(request, detail).ifPresent(id -> recorded.put("rejectionId", id));
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", detail, recorded);
    }

    private static boolean causedByLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body over the size limit");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() { return in.isFinished(); }

                    @Override
                    public boolean isReady() { return in.isReady(); }

                    @Override
                    public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
                };
            }
            return stream;
        }
    }
}
