package org.compliancerunner.web;

import java.io.IOException;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each /api request against its caller's bucket (a user's, or an address's without a token) and uploads and job
 * launches against their own smaller buckets; answers 429 with Retry-After when one is empty. Every answer carries the
 * RateLimit-Limit, -Remaining and -Reset headers of the tightest bucket it counted against.
 */
class RateLimitFilter extends OncePerRequestFilter {

    // the path as Spring MVC routes it (percent-decoded, without ;parameters), so /api/job%73 counts as /api/jobs
    private static final RequestMatcher API = pathPattern("/api/**");
    private static final RequestMatcher UPLOADS = new OrRequestMatcher(pathPattern(HttpMethod.POST, "/api/videos"),
            pathPattern(HttpMethod.POST, "/api/videos/upload"));
    private static final RequestMatcher LAUNCHES = new OrRequestMatcher(pathPattern(HttpMethod.POST, "/api/jobs"),
            pathPattern(HttpMethod.POST, "/api/jobs/{id}/restart"));

    private final RateLimits limits;
    private final ProblemResponses problems;

    RateLimitFilter(RateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken;
        RateLimits.Outcome outcome;
        if (anonymous) {
            outcome = limits.take(RateLimits.Kind.ANONYMOUS, ClientAddress.of(request.getRemoteAddr()));
        } else {
            String user = authentication.getName();
            outcome = limits.take(RateLimits.Kind.USER, user);
            RateLimits.Kind special = specialKind(request);
            if (outcome.allowed() && special != null) {
                RateLimits.Outcome specific = limits.take(special, user);
                if (!specific.allowed() || specific.remaining() < outcome.remaining()) {
                    outcome = specific;
                }
            }
        }
        response.setHeader("RateLimit-Limit", Long.toString(outcome.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(outcome.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(outcome.resetSeconds()));
        if (!outcome.allowed()) {
            response.setHeader("Retry-After", Long.toString(outcome.resetSeconds()));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "more than " + outcome.limit()
                    + " requests of this kind in the rate-limit period; retry after " + outcome.resetSeconds() + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private static RateLimits.@Nullable Kind specialKind(HttpServletRequest request) {
        if (UPLOADS.matches(request)) {
            return RateLimits.Kind.UPLOAD;
        }
        return LAUNCHES.matches(request) ? RateLimits.Kind.LAUNCH : null;
    }
}
