package org.compliancerunner.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.compliancerunner.security.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Every request under /api needs a bearer token with a role, except asking for tokens; health and
 * metrics on the management port and the API documentation are open.
 *
 * <pre>
 *                                  ADMIN  OPERATOR  UPLOADER
 *   jobs (launch, list, stop, ...)   x
 *   review queue                     x       own
 *   register / upload videos         x                 own
 *   read videos, projects, triggers  x       own       own
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String UPLOADER = Role.UPLOADER.name();

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtAuthenticationConverter roleClaims, RateLimits rateLimits, JsonMapper json)
            throws Exception {
        ProblemWriter problems = new ProblemWriter(json);
        http.csrf(csrf -> csrf.disable())
                .headers(headers -> headers.addHeaderWriter(new SecurityHeaders()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/token", "/api/auth/refresh").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/auth/jwks").permitAll()
                        .requestMatchers("/api-docs", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        // the console's page and scripts; everything it shows comes from the API with the user's token
                        .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/**").permitAll()
                        .requestMatchers("/api/jobs", "/api/jobs/**").hasRole(ADMIN)
                        .requestMatchers("/api/review/**").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/videos", "/api/videos/upload").hasAnyRole(ADMIN, UPLOADER)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ADMIN, OPERATOR, UPLOADER)
                        // players ask for the size first; it answers as GET does
                        .requestMatchers(HttpMethod.HEAD, "/api/videos/*/media").hasAnyRole(ADMIN, OPERATOR, UPLOADER)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(mediaTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleClaims))
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                // after the token is checked, so a user's requests count against the user, not their address
                .addFilterAfter(new RateLimitFilter(rateLimits, problems.responses), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The firewall's refusals (encoded or doubled slashes, ';' parameters, ...) as problem+json: those paths could be
     * read differently by the matchers and by Spring MVC, so they are refused before either sees them.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST, "invalid-path",
                "the request path is not in normal form (encoded or doubled '/', '.' segments, ';' parameters or "
                        + "control characters are refused)");
    }

    /**
     * Tokens come in the Authorization header; only the media endpoint also takes {@code ?access_token=} (RFC 6750),
     * because a browser's video element cannot send headers with its range requests.
     */
    static BearerTokenResolver mediaTokens() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> {
            boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
            // Spring's resolver reads the query only for GET; HEAD answers as GET does, so it is asked as GET
            return read && MEDIA.matches(request)
                    ? headerOrQuery.resolve(asGet(request)) : header.resolve(request);
        };
    }

    private static HttpServletRequest asGet(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return HttpMethod.GET.name();
            }
        };
    }

    private static final RequestMatcher MEDIA = PathPatternRequestMatcher.pathPattern("/api/videos/{id}/media");

    /** Writes problem+json for the security filters, which answer before any controller advice could. */
    static final class ProblemWriter {

        private final ProblemResponses responses;
        private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

        ProblemWriter(JsonMapper json) {
            this.responses = new ProblemResponses(json);
        }

        AuthenticationEntryPoint unauthorized() {
            return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
                bearer.commence(request, response, e); // status and the WWW-Authenticate challenge
                write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "a valid bearer token is required ("
                        + e.getMessage() + "); get one with POST /api/auth/token");
            };
        }

        AccessDeniedHandler forbidden() {
            return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "forbidden",
                    "your role may not " + request.getMethod() + " " + request.getRequestURI());
        }

        void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
            responses.write(response, status, type, detail);
        }
    }
}
