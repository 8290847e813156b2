package org.gantry.server.identity;

import org.gantry.server.web.Htmx;
import org.gantry.server.web.ShellPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's shell needs: who is logged in (the admin link shows for system admins), and
 * whether they still use a one-time password, so every page reminds them to choose their own.
 */
@ControllerAdvice(annotations = ShellPage.class)
class Shell {

    private final UserService users;

    Shell(UserService users) {
        this.users = users;
    }

    @ModelAttribute("me")
    CurrentUser me(CurrentUser user) {
        return user;
    }

    @ModelAttribute("oneTimePassword")
    boolean oneTimePassword(CurrentUser user) {
        // htmx answers are fragments without the reminder: spare them the query.
        return !Htmx.isHtmx() && users.me(user).mustChangePassword();
    }
}
