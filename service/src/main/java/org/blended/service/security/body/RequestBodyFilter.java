package org.blended.service.security.body;

import java.io.File;
import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Receives every request body in full before the request is handled, without a worker thread
 * waiting for it (Servlet non-blocking reads), then dispatches the request with the body at hand.
 * Tomcat reads request headers without holding a thread, but a servlet reading a body blocks its
 * worker until the last byte: a few hundred clients sending a byte every few seconds held every
 * worker, and nothing else was answered. Now a slow body costs a connection and its bytes so far;
 * past its deadline it is answered 408, over its limit 413, and the connection is closed.
 * It runs first, before Spring Security: the dispatched request then passes every filter as usual.
 */
final class RequestBodyFilter extends OncePerRequestFilter {

    private final BodyRefusals refusals;
    private final BodyParameters parameters;
    private final MultipartParts parts;
    private final BodyDeadlines deadlines;
    private final BodyBudget budget;
    private final RequestBodyProperties properties;
    private final BodyCallers callers;

    RequestBodyFilter(BodyRefusals refusals, BodyParameters parameters, MultipartParts parts, BodyDeadlines deadlines,
                      BodyBudget budget, RequestBodyProperties properties, BodyCallers callers) {
        this.callers = callers;
        this.refusals = refusals;
        this.parameters = parameters;
        this.parts = parts;
        this.deadlines = deadlines;
        this.budget = budget;
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request) || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        long limit = refusals.limit(request);
        // Asked only of a body that could be larger than an unknown caller may send: it costs a key lookup.
        if ((request.getContentLengthLong() < 0 || request.getContentLengthLong() > BodyCallers.UNKNOWN_CALLER_BYTES)
                && limit > BodyCallers.UNKNOWN_CALLER_BYTES && !callers.known(request)) {
            limit = BodyCallers.UNKNOWN_CALLER_BYTES;
            request.setAttribute(BodyRefusals.UNKNOWN_CALLER, Boolean.TRUE);
        }
        if (request.getContentLengthLong() > limit) {
            refusals.tooLarge(request, response);
            return;
        }
        BufferedBody body = new BufferedBody(request.getContentLengthLong(), (int) Math.min(Integer.MAX_VALUE,
                properties.memoryThreshold().toBytes()), temporaryFolder(request), budget);
        BufferedRequest buffered = new BufferedRequest(request, body, parameters, parts);
        AsyncContext async = request.startAsync(buffered, response);
        async.setTimeout(0); // the body's own deadline applies, however long a large body may take
        new BodyReader(async, request.getInputStream(), buffered, body, limit, refusals, deadlines, properties).start();
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Tomcat's work folder for this application, where it keeps uploads too. */
    private static java.nio.file.Path temporaryFolder(HttpServletRequest request) {
        return ((File) request.getServletContext().getAttribute(ServletContext.TEMPDIR)).toPath();
    }
}
