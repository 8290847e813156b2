package org.gantry.server.project;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.web.FieldMessages;
import org.gantry.server.web.ShellPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The project list, the new-project form, and a project's settings (with archive and restore). */
@Controller
@ShellPage
class ProjectPages {

    private static final List<String> TIME_ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds())
            .stream()
                    .filter(zone -> zone.equals("UTC")
                            || zone.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Pacific)/.*"))
                    .toList());

    private final ProjectService projects;

    ProjectPages(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping("/projects")
    String list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean archived,
            Model model) {
        model.addAttribute("projects", projects.list(user, q, archived, 0, 200));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("archived", archived);
        return "projects/list";
    }

    @GetMapping("/projects/new")
    String newProject(Model model) {
        return form(model, ProjectForm.blank(), Map.of(), null);
    }

    @PostMapping("/projects/new")
    String create(CurrentUser user, ProjectForm form, Model model, RedirectAttributes redirect) {
        try {
            Project project = projects.create(user, form.toNewProject());
            redirect.addFlashAttribute("notice", "Project " + project.key() + " created. Add its first tasks.");
            return "redirect:/projects/" + project.key() + "/list";
        } catch (InvalidInput e) {
            return form(model, form, FieldMessages.of(e), null);
        }
    }

    @GetMapping("/projects/{key}/settings")
    String settings(CurrentUser user, @PathVariable String key, Model model) {
        Project project = projects.get(user, key);
        return settingsPage(user, project, ProjectForm.of(project), Map.of(), model);
    }

    @PostMapping("/projects/{key}/settings")
    String saveSettings(
            CurrentUser user, @PathVariable String key, ProjectForm form, Model model, RedirectAttributes redirect) {
        try {
            projects.update(user, key, form.toChanges());
            redirect.addFlashAttribute("notice", "Settings saved.");
            return "redirect:/projects/" + key + "/settings";
        } catch (InvalidInput e) {
            return settingsPage(user, projects.get(user, key), form, FieldMessages.of(e), model);
        }
    }

    @PostMapping("/projects/{key}/archive")
    String archive(
            CurrentUser user, @PathVariable String key, @RequestParam Integer version, RedirectAttributes redirect) {
        projects.archive(user, key, version);
        redirect.addFlashAttribute("notice", "Project " + key + " archived. It is read-only until restored.");
        return "redirect:/projects/" + key + "/settings";
    }

    @PostMapping("/projects/{key}/restore")
    String restore(
            CurrentUser user, @PathVariable String key, @RequestParam Integer version, RedirectAttributes redirect) {
        projects.update(user, key, new ProjectChanges(null, null, null, null, null, null, false, version));
        redirect.addFlashAttribute("notice", "Project " + key + " restored.");
        return "redirect:/projects/" + key + "/settings";
    }

    private String settingsPage(
            CurrentUser user, Project project, ProjectForm form, Map<String, String> errors, Model model) {
        ProjectAccess access = projects.access(user, key(project));
        model.addAttribute("project", project);
        model.addAttribute("canEdit", access.can(Permission.EDIT_PROJECT) && !project.archived());
        model.addAttribute("canArchive", access.can(Permission.ARCHIVE_PROJECT));
        model.addAttribute("tab", "settings");
        return form(model, form, errors, project);
    }

    private static String key(Project project) {
        return project.key();
    }

    private String form(Model model, ProjectForm form, Map<String, String> errors, Project project) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("days", DayOfWeek.values());
        // A zone set through the API may be outside the usual list; keep it choosable so saving does not change it.
        model.addAttribute(
                "timeZones",
                form.timeZone() == null || TIME_ZONES.contains(form.timeZone())
                        ? TIME_ZONES
                        : Stream.concat(Stream.of(form.timeZone()), TIME_ZONES.stream())
                                .toList());
        if (project == null) {
            model.addAttribute("canEdit", true);
        }
        return project == null ? "projects/new" : "projects/settings";
    }
}
