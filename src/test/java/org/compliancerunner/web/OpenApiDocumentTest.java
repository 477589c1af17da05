package org.compliancerunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest extends ApiTest {

    @Test
    void theDocumentIsValidOpenApiAndDescribesEveryResource() {
        HttpResponse<String> response = get("/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body(), null, null);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/videos", "/api/videos/upload", "/api/videos/{id}",
                "/api/videos/{id}/events", "/api/projects", "/api/triggers", "/api/jobs", "/api/jobs/{id}",
                "/api/jobs/{id}/restart", "/api/jobs/{id}/stop", "/api/jobs/{id}/events", "/api/review/claims",
                "/api/review/items", "/api/review/items/{id}", "/api/review/items/{id}/decision", "/api/auth/token",
                "/api/auth/refresh");
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKeys("Registration", "Launch", "DecisionRequest");
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }
}
