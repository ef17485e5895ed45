package org.blended.service.security.body;

import org.blended.service.security.ProblemWriter;
import java.io.IOException;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * How large a request body may be, and the answers to one that is too large, too slow, or comes
 * when too much is held already. Each closes the connection: the rest of such a body is not read
 * (Tomcat would otherwise read it on a worker thread before the next request).
 */
final class BodyRefusals {

    /** Set on a request whose caller was not known when its body arrived, so it had the small limit. */
    static final String UNKNOWN_CALLER = BodyRefusals.class.getName() + ".unknownCaller";

    private final RequestSizeLimitFilter apiLimits;
    private final long pageLimit;
    private final ProblemWriter problems;
    private final RequestBodyProperties properties;

    /**
     * @param apiLimits the API's limits (413 with the same words whichever filter finds the body too large)
     * @param multipart the pages' uploads; their limit is the multipart request size
     */
    BodyRefusals(RequestSizeLimitFilter apiLimits, MultipartConfigElement multipart, long maxRequestBytes,
                 ProblemWriter problems, RequestBodyProperties properties) {
        this.apiLimits = apiLimits;
        this.pageLimit = multipart == null || multipart.getMaxRequestSize() < 0 ? maxRequestBytes
                : Math.max(maxRequestBytes, multipart.getMaxRequestSize());
        this.problems = problems;
        this.properties = properties;
    }

    long limit(HttpServletRequest request) {
        return isApi(request) ? apiLimits.limit(request) : pageLimit;
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        closing(response);
        if (request.getAttribute(UNKNOWN_CALLER) != null) {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "Without a valid X-API-Key (or a signed-in session) a request body may have at most "
                            + BodyCallers.UNKNOWN_CALLER_BYTES + " bytes.");
        } else if (isApi(request)) {
            apiLimits.tooLarge(request, response);
        } else {
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "A request body may have at most " + pageLimit + " bytes.");
        }
    }

    void tooSlow(HttpServletRequest request, HttpServletResponse response) throws IOException {
        closing(response);
        problems.write(request, response, HttpStatus.REQUEST_TIMEOUT, "Request body too slow",
                "The request body did not arrive in time: a body may take " + properties.grace().toSeconds()
                        + " s, and one second more for every " + properties.minBytesPerSecond()
                        + " bytes received. Send it again, without pauses.");
    }

    void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        closing(response);
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Too many request bodies at once",
                "The service holds as many request bodies as it may; send this one again in a few seconds.");
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    private static void closing(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CONNECTION, "close");
    }
}
