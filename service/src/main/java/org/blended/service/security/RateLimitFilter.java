package org.blended.service.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per API key (Bucket4j): a client that sends faster than its allowance gets 429
 * with Retry-After. Buckets live in each instance's memory, so with N instances behind a load
 * balancer a key's effective allowance is up to N times the configured rate.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final long requestsPerMinute;
    private final ProblemWriter problems;

    public RateLimitFilter(long requestsPerMinute, ProblemWriter problems) {
        this.requestsPerMinute = requestsPerMinute;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            ConsumptionProbe probe = buckets.computeIfAbsent(caller.keyId(), id -> newBucket()).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "This API key may send " + requestsPerMinute + " requests a minute; retry in " + seconds + " s.");
                return;
            }
            response.setHeader("X-Rate-Limit-Remaining", Long.toString(probe.getRemainingTokens()));
        }
        chain.doFilter(request, response);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
