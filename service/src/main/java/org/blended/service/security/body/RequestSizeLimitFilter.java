package org.blended.service.security.body;

import org.blended.service.security.ProblemWriter;
import org.blended.service.security.RefusedRequests;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and
 * while reading when the body is chunked, so an oversized body is never held in memory. A lender's
 * refused submission is recorded. The limit is {@code blended.security.max-request-bytes}, or the
 * path's own (see {@link PathLimits}).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Map<String, Long> maxBytesByPath;
    private final ProblemWriter problems;
    private final RefusedRequests refusals;

    public RequestSizeLimitFilter(long maxBytes, PathLimits paths, ProblemWriter problems, RefusedRequests refusals) {
        this.maxBytes = maxBytes;
        this.maxBytesByPath = paths.maxRequestBytesByPath().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().toBytes()));
        this.problems = problems;
        this.refusals = refusals;
    }

    /**
     * API paths whose request bodies have their own limit instead of
     * {@code blended.security.max-request-bytes}, larger or smaller; a path is the request URI,
     * matched exactly. As in application.yml, where the brackets keep a path's slashes in the key:
     * <pre>
     * blended.security.max-request-bytes-by-path:
     *   "[/api/v1/batches]": ${blended.intake.batch.max-bytes} # many applications, streamed to disk, never held in memory
     *   "[/api/v1/rule-sets]": 20MB # a bundle of spreadsheets, bounded again when unpacked
     * </pre>
     * Without the setting, these two are the limits (a batch's 512MB being the default of
     * {@code blended.intake.batch.max-bytes}). A plain number is bytes.
     */
    @ConfigurationProperties("blended.security")
    public record PathLimits(Map<String, DataSize> maxRequestBytesByPath) {

        public PathLimits {
            maxRequestBytesByPath = maxRequestBytesByPath == null
                    ? Map.of("/api/v1/batches", DataSize.ofMegabytes(512), "/api/v1/rule-sets", DataSize.ofMegabytes(20))
                    : Map.copyOf(maxRequestBytesByPath);
        }
    }

    long limit(HttpServletRequest request) {
        return maxBytesByPath.getOrDefault(request.getRequestURI(), maxBytes);
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
