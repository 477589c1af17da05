package org.compliancerunner.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem responses the controllers throw; the type URIs are stable names clients can switch on. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:problem:compliance-runner:";

    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        return new ErrorResponseException(status, problem, null);
    }

    /** Also for what exists but belongs to another owner, so existence does not leak. */
    public static ErrorResponseException notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not-found", what + " does not exist");
    }

    public static ErrorResponseException badRequest(String field, String detail) {
        ErrorResponseException error = of(HttpStatus.BAD_REQUEST, "invalid-input", detail);
        error.getBody().setProperty("field", field);
        return error;
    }
}
