package org.compliancerunner.catalog;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compliancerunner.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "projects")
class ProjectsController {

    private final Projects projects;

    ProjectsController(Projects projects) {
        this.projects = projects;
    }

    @Operation(summary = "Projects with their video, finding and label counts (labels: confirmed or rejected findings)")
    @GetMapping
    List<ProjectSummary> list(Authentication authentication) {
        return projects.summaries(Caller.of(authentication).ownerScope());
    }
}
