package org.compliancerunner.web;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;

/**
 * The Content-Security-Policy of every response but the API documentation's (Swagger UI is a third party's page):
 * media in a sandbox, so a file that is also an HTML page can never run a script on the API's origin; the console
 * with scripts, styles and connections from its own origin only and no inline script; answers of the API with nothing
 * at all, since none of them is a page. X-Content-Type-Options: nosniff is among Spring Security's default headers.
 */
final class SecurityHeaders implements HeaderWriter {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String MEDIA_POLICY = "sandbox";
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final RequestMatcher media = pathPattern("/api/videos/*/media");
    private final RequestMatcher console = RequestMatchers.anyOf(pathPattern("/console"), pathPattern("/console/**"));
    private final RequestMatcher documentation = RequestMatchers.anyOf(pathPattern("/api-docs"),
            pathPattern("/api-docs/**"), pathPattern("/swagger-ui.html"), pathPattern("/swagger-ui/**"));

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(CONTENT_SECURITY_POLICY) || documentation.matches(request)) {
            return;
        }
        String policy = media.matches(request) ? MEDIA_POLICY : console.matches(request) ? CONSOLE_POLICY : API_POLICY;
        response.setHeader(CONTENT_SECURITY_POLICY, policy);
    }
}
