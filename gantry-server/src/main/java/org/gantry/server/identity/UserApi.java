package org.gantry.server.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Users", description = "The user directory; admins invite and deactivate users")
@GantryApi
@RequestMapping("/api/v1")
class UserApi {

    private final UserService users;

    UserApi(UserService users) {
        this.users = users;
    }

    @Operation(summary = "The calling user")
    @GetMapping("/me")
    UserAccount me(CurrentUser user) {
        return users.me(user);
    }

    @Operation(
            summary = "Change your password; revokes all your API tokens and ends your other sessions",
            description = "A session that calls this stays logged in; log in again for a new API token.")
    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(CurrentUser user, @RequestBody PasswordChange change, HttpServletRequest request) {
        CurrentSession.keepAfterPasswordChange(request, users.changePassword(user, change));
    }

    @Operation(summary = "Active users (admins may include inactive ones), filtered by name or e-mail, paged")
    @GetMapping("/users")
    PageOf<UserAccount> list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return users.page(user, q, includeInactive, page, size);
    }

    @GetMapping("/users/{id}")
    UserAccount get(CurrentUser user, @PathVariable long id) {
        return users.get(user, id);
    }

    @Operation(summary = "Invite a user (admin): the answer holds a one-time password to hand over")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Invitation invite(CurrentUser user, @RequestBody NewUser command) {
        return users.invite(user, command);
    }

    @Operation(
            summary = "Rename, (de)activate or change the system roles of a user (admin)",
            description = "systemAdmin and portfolioManager grant or take away the system roles; each change is"
                    + " audit-logged. version is required (409 with the current user when stale).")
    @PatchMapping("/users/{id}")
    UserAccount update(CurrentUser user, @PathVariable long id, @RequestBody UserChanges changes) {
        return users.update(user, id, changes);
    }

    @Operation(summary = "Give a user a new one-time password (admin)")
    @PostMapping("/users/{id}/password-reset")
    Map<String, String> resetPassword(CurrentUser user, @PathVariable long id) {
        return Map.of("oneTimePassword", users.resetPassword(user, id));
    }
}
