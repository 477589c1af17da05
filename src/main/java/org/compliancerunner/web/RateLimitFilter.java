package org.compliancerunner.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts each /api request against its caller's bucket (a user's, or an address's without a token) and uploads and job
 * launches against their own smaller buckets; answers 429 with Retry-After when one is empty. Every answer carries the
 * RateLimit-Limit, -Remaining and -Reset headers of the tightest bucket it counted against.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final SecurityConfiguration.ProblemWriter problems;

    RateLimitFilter(RateLimits limits, SecurityConfiguration.ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken;
        RateLimits.Outcome outcome;
        if (anonymous) {
            outcome = limits.take(RateLimits.Kind.ANONYMOUS, request.getRemoteAddr());
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

    private static RateLimits.Kind specialKind(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI();
        if (path.equals("/api/videos") || path.equals("/api/videos/upload")) {
            return RateLimits.Kind.UPLOAD;
        }
        if (path.equals("/api/jobs") || path.matches("/api/jobs/\\d+/restart")) {
            return RateLimits.Kind.LAUNCH;
        }
        return null;
    }
}
