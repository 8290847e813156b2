package org.gantry.server.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.gantry.server.demo.DemoProject;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.Invitation;
import org.gantry.server.identity.LoginLock;
import org.gantry.server.identity.LoginLocks;
import org.gantry.server.identity.NewUser;
import org.gantry.server.identity.SignInChanges;
import org.gantry.server.identity.SignInSettings;
import org.gantry.server.identity.TwoFactorService;
import org.gantry.server.identity.UserChanges;
import org.gantry.server.identity.UserService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.FieldMessages;
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
 * System administration: invite users (their one-time password is shown once, right after), deactivate
 * and reactivate them, reset a password, clear a login lock, and create the demo project.
 */
@Controller
@ShellPage
@RequestMapping("/admin")
class AdminPages {

    private final UserService users;
    private final DemoProject demo;
    private final LoginLocks loginLocks;
    private final TwoFactorService twoFactor;
    private final SignInSettings signIn;

    AdminPages(
            UserService users,
            DemoProject demo,
            LoginLocks loginLocks,
            TwoFactorService twoFactor,
            SignInSettings signIn) {
        this.users = users;
        this.demo = demo;
        this.loginLocks = loginLocks;
        this.twoFactor = twoFactor;
        this.signIn = signIn;
    }

    /** A login lock as the admin page lists it; the end time in UTC to the minute. */
    public record LockRow(long id, String kind, String subject, String until, String reason) {
        private static final DateTimeFormatter MINUTES =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

        static LockRow of(LoginLock lock) {
            return new LockRow(
                    lock.id(), lock.kind(), lock.subject(), MINUTES.format(lock.lockedUntil()), lock.reason());
        }
    }

    /** The invitation form. */
    public record InviteForm(String email, String name, Boolean systemAdmin) implements java.io.Serializable {}

    @GetMapping({"", "/users"})
    String users(CurrentUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("users", users.list(user, null, true));
        model.addAttribute("twoFactorUsers", twoFactor.enabledUserIds(user));
        model.addAttribute("signIn", signIn.get(user));
        model.addAttribute(
                "loginLocks", loginLocks.list(user).stream().map(LockRow::of).toList());
        model.addAttribute("section", "admin");
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", new InviteForm("", "", false));
        }
        return "admin/users";
    }

    @PostMapping("/users")
    String invite(CurrentUser user, InviteForm form, RedirectAttributes redirect) {
        try {
            Invitation invitation = users.invite(user, new NewUser(form.email(), form.name(), form.systemAdmin()));
            // A flash attribute lives for one request: the password is shown once and never again.
            redirect.addFlashAttribute("invitation", invitation);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("inviteErrors", FieldMessages.of(e));
            redirect.addFlashAttribute("invite", form);
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("invite", form);
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/active")
    String setActive(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam boolean active,
            @RequestParam Integer version,
            RedirectAttributes redirect) {
        try {
            var account = users.update(user, id, new UserChanges(null, null, active, version, null));
            redirect.addFlashAttribute(
                    "notice",
                    account.name()
                            + (active
                                    ? " can log in again."
                                    : " is deactivated: they can no longer log in,"
                                            + " and their API tokens are revoked."));
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/portfolio-manager")
    String setPortfolioManager(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam boolean portfolioManager,
            @RequestParam Integer version,
            RedirectAttributes redirect) {
        try {
            var account = users.update(user, id, new UserChanges(null, null, null, version, portfolioManager));
            redirect.addFlashAttribute(
                    "notice",
                    account.name()
                            + (portfolioManager
                                    ? " is a portfolio manager: they see every project in the portfolio and keep"
                                            + " its programmes, goals and scores."
                                    : " is no longer a portfolio manager."));
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        String password = users.resetPassword(user, id);
        redirect.addFlashAttribute("reset", new Invitation(users.get(user, id), password));
        return "redirect:/admin/users";
    }

    @PostMapping("/sign-in")
    String changeSignIn(
            CurrentUser user,
            @RequestParam(required = false) Boolean ssoOnly,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            var settings = signIn.update(user, new SignInChanges(Boolean.TRUE.equals(ssoOnly), version));
            redirect.addFlashAttribute(
                    "notice",
                    settings.ssoOnly()
                            ? "Only single sign-on now: passwords work for system admins only."
                            : "Passwords and single sign-on both work now.");
        } catch (Conflict | InvalidInput e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/two-factor/reset")
    String resetTwoFactor(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            twoFactor.reset(user, id);
            redirect.addFlashAttribute(
                    "notice",
                    users.get(user, id).name() + " signs in with the password alone until they turn"
                            + " two-factor sign-in on again.");
        } catch (NotFound e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/login-locks/{id}/clear")
    String clearLoginLock(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            loginLocks.clear(user, id);
            redirect.addFlashAttribute("notice", "The login lock is cleared: logging in works again at once.");
        } catch (NotFound e) {
            redirect.addFlashAttribute("problem", "That login lock had already ended.");
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/demo")
    String createDemo(CurrentUser user) {
        var project = demo.create(user);
        return "redirect:/projects/" + project.key() + "/list";
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.systemAdmin()) {
            throw new Forbidden("Only system admins can manage users.");
        }
    }
}
