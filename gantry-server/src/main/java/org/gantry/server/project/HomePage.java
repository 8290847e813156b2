package org.gantry.server.project;

import org.gantry.server.identity.CurrentUser;
import org.gantry.server.web.ShellPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * After login people land on {@code /}. Those who run projects (owners and managers of one, and system
 * admins) start at the project list; everybody else at "My work", the tasks assigned to them.
 */
@Controller
@ShellPage
class HomePage {

    private final ProjectService projects;

    HomePage(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/")
    String home(CurrentUser user) {
        return user.systemAdmin() || projects.managesAny(user) ? "redirect:/projects" : "redirect:/my-work";
    }
}
