package org.gantry.server.web;

import org.gantry.server.identity.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's navigation needs: who is logged in (the admin link shows for system admins). */
@ControllerAdvice(basePackages = "org.gantry.server.web")
class Shell {

    @ModelAttribute("me")
    CurrentUser me(CurrentUser user) {
        return user;
    }
}
