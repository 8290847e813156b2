package org.gantry.server.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.FieldMessages;
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
 * The person's own account: personal API tokens (created after re-entering the password, shown once,
 * listed and revoked) and changing their password.
 */
@Controller
@ShellPage
@RequestMapping("/account")
class AccountPages {

    private final ApiTokenService tokens;
    private final UserService users;
    private final TwoFactorService twoFactor;
    private final ClientAddresses clientAddresses;

    AccountPages(
            ApiTokenService tokens, UserService users, TwoFactorService twoFactor, ClientAddresses clientAddresses) {
        this.tokens = tokens;
        this.users = users;
        this.twoFactor = twoFactor;
        this.clientAddresses = clientAddresses;
    }

    /** A new token: what it is for, and the person's password to confirm it is them. */
    public record TokenForm(String name, String password, String otp) {}

    /** The change-password form. */
    public record PasswordForm(String currentPassword, String newPassword) {}

    @GetMapping("/tokens")
    String tokens(CurrentUser user, Model model, HttpServletRequest request) {
        model.addAttribute("tokens", tokens.list(user));
        model.addAttribute("twoFactorOn", twoFactor.status(user).enabled());
        model.addAttribute(
                "provider", CurrentSession.signedInWithProvider(request).orElse(null));
        model.addAttribute("section", "account");
        return "account/tokens";
    }

    @PostMapping("/tokens")
    String create(CurrentUser user, TokenForm form, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            if (CurrentSession.signedInWithProvider(request).isPresent()) {
                redirect.addFlashAttribute(
                        "created", tokens.createForProviderSession(user, form.name(), clientAddresses.of(request)));
                return "redirect:/account/tokens";
            }
            redirect.addFlashAttribute(
                    "created",
                    tokens.create(
                            new TokenRequest(user.email(), form.password(), form.name(), form.otp()),
                            clientAddresses.of(request)));
        } catch (TwoFactorCodeRequired e) {
            redirect.addFlashAttribute(
                    "problem", "The two-factor code is missing, wrong or was already used: no token was created.");
        } catch (BadCredentials e) {
            redirect.addFlashAttribute("problem", "That is not your password: no token was created.");
        } catch (TooManyLoginFailures e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (Forbidden e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "problem",
                    e.errors().stream()
                            .map(problem -> Labels.field(problem.field()) + " " + problem.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("Invalid input"));
        }
        return "redirect:/account/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(user, id);
            redirect.addFlashAttribute("notice", "Token revoked: programs using it can no longer call the API.");
        } catch (NotFound e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account/tokens";
    }

    @GetMapping("/two-factor")
    String twoFactor(CurrentUser user, Model model) {
        model.addAttribute("status", twoFactor.status(user));
        twoFactor.pendingEnrolment(user).ifPresent(enrolment -> {
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("qrCode", QrCode.svgDataUri(enrolment.otpauthUri()));
        });
        model.addAttribute("section", "account");
        return "account/two-factor";
    }

    @PostMapping("/two-factor/start")
    String startTwoFactor(CurrentUser user, RedirectAttributes redirect) {
        try {
            twoFactor.start(user);
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account/two-factor";
    }

    @PostMapping("/two-factor/confirm")
    String confirmTwoFactor(
            CurrentUser user, @RequestParam(required = false) String code, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "recoveryCodes", twoFactor.confirm(user, code).recoveryCodes());
            redirect.addFlashAttribute("notice", "Two-factor sign-in is on.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "codeError", "That is not the code your app shows now. Check the app and try again.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account/two-factor";
    }

    @PostMapping("/two-factor/disable")
    String disableTwoFactor(
            CurrentUser user,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            twoFactor.disable(user, code, clientAddresses.of(request));
            redirect.addFlashAttribute("notice", "Two-factor sign-in is off: your password alone signs you in.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "disableError", "That is neither your app's current code nor an unused recovery code.");
        } catch (TooManyLoginFailures e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/account/two-factor";
    }

    @GetMapping("/password")
    String password(CurrentUser user, Model model) {
        model.addAttribute("account", users.me(user));
        model.addAttribute("section", "account");
        return "account/password";
    }

    @PostMapping("/password")
    String changePassword(
            CurrentUser user, PasswordForm form, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            CurrentSession.keepAfterPasswordChange(
                    request,
                    users.changePassword(user, new PasswordChange(form.currentPassword(), form.newPassword())));
            redirect.addFlashAttribute(
                    "notice",
                    "Your password is changed. Your other sessions are logged out and your API tokens revoked.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errors", FieldMessages.of(e));
        }
        return "redirect:/account/password";
    }
}
