package org.gantry.server.schedule;

import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Gantt view of a project. The page is a shell: {@code static/js/gantt-page.js} loads
 * {@code GET /api/v1/projects/{key}/gantt} and sends every edit on the chart to the API.
 */
@Controller
class GanttPage {

    private final ProjectService projects;

    GanttPage(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/projects/{key}/gantt")
    String gantt(CurrentUser user, @PathVariable String key, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("project", project);
        model.addAttribute("me", user);
        model.addAttribute("tab", "gantt");
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("canManage", access.can(Permission.EDIT_PROJECT) && !project.archived());
        return "schedule/gantt";
    }
}
