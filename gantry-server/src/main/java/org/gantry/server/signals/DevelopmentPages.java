package org.gantry.server.signals;

import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Development section of a task's panel, loaded into it by htmx: what {@code .../tasks/{id}/development}
 * answers (pull requests with their state, branches, checks, the environments its commits reached, the
 * newest commits), for everyone who sees the project.
 */
@Controller
class DevelopmentPages {
    private final DevelopmentService development;
    private final ProjectService projects;

    DevelopmentPages(DevelopmentService development, ProjectService projects) {
        this.development = development;
        this.projects = projects;
    }

    @GetMapping("/projects/{key}/tasks/{taskId}/development")
    String section(CurrentUser user, @PathVariable String key, @PathVariable long taskId, Model model) {
        Development panel = development.of(user, key, taskId);
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("development", panel);
        model.addAttribute(
                "empty",
                panel.pullRequests().isEmpty()
                        && panel.branches().isEmpty()
                        && panel.commits().isEmpty()
                        && panel.checks().isEmpty()
                        && panel.environments().isEmpty());
        model.addAttribute("commits", panel.commits().stream().limit(5).toList());
        model.addAttribute("zone", access.timeZone());
        return "signals/development :: development";
    }
}
