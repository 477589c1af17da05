package org.compliancerunner.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page the servlet container forwards to (errors raised outside Spring MVC: filters, sendError, a rejected
 * request) answers problem+json too, in place of Boot's default error body; 5xx say nothing about their cause.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    ProblemErrorController(JsonMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value && value >= 400 && value < 600
                ? HttpStatusCode.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus known = HttpStatus.resolve(status.value());
        String detail = status.is5xxServerError() ? "the server could not answer this request"
                : known == null ? "request refused" : known.getReasonPhrase();
        problems.write(response, status, ProblemResponses.typeOf(status), detail);
    }
}
