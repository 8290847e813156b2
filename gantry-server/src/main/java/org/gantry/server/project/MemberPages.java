package org.gantry.server.project;

import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.Invitation;
import org.gantry.server.identity.NewUser;
import org.gantry.server.identity.UserService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.Labels;
import org.gantry.server.web.ShellPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A project's team: add an existing user by e-mail in a role, change roles, remove people. A system
 * admin can also invite someone new right here (e-mail and name): the account is created, added to the
 * project, and its one-time password shown once. Others see that an admin must invite new people.
 */
@Controller
@ShellPage
@RequestMapping("/projects/{key}/members")
class MemberPages {

    private final ProjectService projects;
    private final UserService users;

    MemberPages(ProjectService projects, UserService users) {
        this.projects = projects;
        this.users = users;
    }

    /** The add-member form; {@code name} is only for a system admin inviting someone new. */
    public record MemberForm(String email, String name, ProjectRole role) {}

    @GetMapping
    String members(CurrentUser user, @PathVariable String key, Model model) {
        var project = projects.get(user, key);
        var access = projects.access(user, key);
        model.addAttribute("project", project);
        model.addAttribute("tab", "members");
        model.addAttribute("members", projects.members(user, key));
        model.addAttribute("roles", ProjectRole.values());
        model.addAttribute("canManage", access.can(Permission.MANAGE_MEMBERS) && !project.archived());
        return "projects/members";
    }

    @PostMapping
    String add(CurrentUser user, @PathVariable String key, MemberForm form, RedirectAttributes redirect) {
        String email = form.email() == null ? null : form.email().strip();
        try {
            if (invitesSomeoneNew(user, email, form.name())) {
                Invitation invitation = users.invite(user, new NewUser(email, form.name(), false));
                redirect.addFlashAttribute("invitation", invitation);
            }
            var member = projects.addMember(user, key, new NewMember(null, email, form.role()));
            redirect.addFlashAttribute("notice", member.name() + " joined the project as " + role(member.role()) + ".");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", describe(e));
            redirect.addFlashAttribute("email", form.email());
            redirect.addFlashAttribute("name", form.name());
        } catch (NotFound | Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("email", form.email());
            redirect.addFlashAttribute("name", form.name());
        }
        return "redirect:/projects/" + key + "/members";
    }

    private boolean invitesSomeoneNew(CurrentUser user, String email, String name) {
        return user.systemAdmin()
                && email != null
                && !email.isEmpty()
                && name != null
                && !name.isBlank()
                && users.findByEmail(email).isEmpty();
    }

    @PostMapping("/{userId}")
    String changeRole(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long userId,
            @RequestParam ProjectRole role,
            @RequestParam Integer version,
            RedirectAttributes redirect) {
        try {
            var member = projects.changeMember(user, key, userId, new MemberChanges(role, version));
            redirect.addFlashAttribute("notice", member.name() + " is now " + role(member.role()) + ".");
        } catch (Conflict | InvalidInput e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/projects/" + key + "/members";
    }

    @PostMapping("/{userId}/remove")
    String remove(CurrentUser user, @PathVariable String key, @PathVariable long userId, RedirectAttributes redirect) {
        try {
            projects.removeMember(user, key, userId);
            redirect.addFlashAttribute("notice", "Removed from the project.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/projects/" + key + "/members";
    }

    private static String role(ProjectRole role) {
        return role.name().toLowerCase();
    }

    private static String describe(InvalidInput e) {
        return e.errors().stream()
                .map(problem -> Labels.field(problem.field()) + " " + problem.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid input");
    }
}
