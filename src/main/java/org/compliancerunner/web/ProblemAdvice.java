package org.compliancerunner.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.sql.SQLException;

import org.compliancerunner.billing.QuotaExceededException;
import org.compliancerunner.billing.QuotaShortfall;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem+json with a type; invalid input names its fields; a 500 tells nothing of its cause. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final URI UNTYPED = URI.create("about:blank");
    // PostgreSQL's character_not_in_repertoire / untranslatable_character: text it refuses to store, e.g. U+0000
    private static final Set<String> REFUSED_TEXT = Set.of("22021", "22P05");

    /** Spring's own answers (malformed JSON, 405, 413, ...) get a stable type like ours instead of about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || UNTYPED.equals(problem.getType()))) {
            problem.setType(URI.create(Problems.TYPE_PREFIX + ProblemResponses.typeOf(statusCode)));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** Text the database cannot store is the caller's mistake (400); anything else the database refuses is ours. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && REFUSED_TEXT.contains(sql.getSQLState())) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "text may not contain NUL (U+0000) characters");
                problem.setType(URI.create(Problems.TYPE_PREFIX + "invalid-input"));
                problem.setTitle("Invalid input");
                return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        }
        return internalError(e);
    }

    /** The cause goes to the log, never to the caller: stack traces and SQL tell an attacker too much. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> internalError(Exception e) {
        log.error("Request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the server could not answer this request");
        problem.setType(URI.create(Problems.TYPE_PREFIX + "internal-error"));
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(Map.of("field", error.getObjectName(),
                "message", String.valueOf(error.getDefaultMessage()))));
        return invalid(errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? name + "." + fieldError.getField() : name;
                errors.add(Map.of("field", field, "message", String.valueOf(error.getDefaultMessage())));
            }
        });
        return invalid(errors, headers);
    }

    private static ResponseEntity<Object> invalid(List<Map<String, String>> errors, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(URI.create(Problems.TYPE_PREFIX + "invalid-input"));
        problem.setTitle("Invalid input");
        problem.setDetail(String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList()));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /**
     * 403: the request is understood and well-formed but the owner's plan does not allow it, and repeating it will not
     * help until the quota is raised or minutes are released.
     */
    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(URI.create(Problems.TYPE_PREFIX + "quota-exceeded"));
        problem.setTitle("Minutes quota exceeded");
        QuotaShortfall shortfall = e.shortfall();
        problem.setProperty("owner", shortfall.owner());
        problem.setProperty("quotaMinutes", shortfall.quotaMinutes());
        problem.setProperty("usedMinutes", shortfall.usedMinutes());
        problem.setProperty("reservedMinutes", shortfall.reservedMinutes());
        problem.setProperty("neededMinutes", shortfall.neededMinutes());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
