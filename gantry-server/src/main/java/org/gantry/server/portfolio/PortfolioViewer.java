package org.gantry.server.portfolio;

import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.UserService;
import org.gantry.server.shared.Forbidden;
import org.springframework.stereotype.Component;

/**
 * Who sees how much of the portfolio. A system admin or a portfolio manager sees every project; anybody else
 * the projects they are a member of.
 *
 * <p>A portfolio manager is no member of the projects they oversee, so the project services would not show
 * them one. {@link #lens} hands them an admin's view instead, and only to the portfolio's own code, which
 * uses it for two things: reading dashboards, milestones and projects inside a read-only transaction (the
 * database refuses any write made with it), and resolving a project before writing the portfolio's own rows
 * (programme, proposed, estimate, goal scores). It is never handed to a service that writes project data.
 */
@Component
class PortfolioViewer {

    private final UserService users;

    PortfolioViewer(UserService users) {
        this.users = users;
    }

    boolean seesEverything(CurrentUser user) {
        return user.systemAdmin() || users.isPortfolioManager(user);
    }

    /** The user as the portfolio reads projects for them: an admin's view for a portfolio manager. */
    CurrentUser lens(CurrentUser user) {
        if (user.systemAdmin() || !users.isPortfolioManager(user)) {
            return user;
        }
        return new CurrentUser(user.id(), user.email(), user.name(), true);
    }

    /** Programmes and strategic goals are kept by system admins and portfolio managers. */
    void requireStrategist(CurrentUser user) {
        if (!seesEverything(user)) {
            throw new Forbidden("Only system admins and portfolio managers keep programmes and strategic goals.");
        }
    }
}
