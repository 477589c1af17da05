package org.compliancerunner.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.compliancerunner.billing.QuotaExceededException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 problem+json; invalid input names its fields. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

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
        problem.setProperty("owner", e.owner());
        problem.setProperty("quotaMinutes", e.quotaMinutes());
        problem.setProperty("usedMinutes", e.usedMinutes());
        problem.setProperty("reservedMinutes", e.reservedMinutes());
        problem.setProperty("neededMinutes", e.neededMinutes());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
