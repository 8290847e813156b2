package org.gantry.server.project;

import java.time.ZoneId;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;

/**
 * A user's standing in a project they may see. {@code role} is null for a system admin who is not a
 * member. Changes to an archived project are refused until it is restored.
 */
public record ProjectAccess(
        long projectId,
        String key,
        CurrentUser user,
        ProjectRole role,
        boolean archived,
        ZoneId timeZone,
        long minutesPerDay,
        long minutesPerWeek) {

    public boolean can(Permission permission) {
        return user.systemAdmin() || permission.allows(role);
    }

    /** Throws 403 unless allowed; for changes also 409 when the project is archived. */
    public ProjectAccess require(Permission permission) {
        if (!can(permission)) {
            throw new Forbidden("Your role in project " + key + " ("
                    + (role == null ? "none" : role.name().toLowerCase()) + ") does not allow this.");
        }
        if (permission != Permission.READ && permission != Permission.ARCHIVE_PROJECT && archived) {
            throw new Conflict("Project archived", "Project " + key + " is archived; restore it to change it.");
        }
        return this;
    }
}
