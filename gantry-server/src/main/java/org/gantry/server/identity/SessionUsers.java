package org.gantry.server.identity;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The current state of users logged in by session, read from the database on every request: a
 * session keeps the user as they were at login, but a deactivation, a changed admin role, a password
 * change or reset must take effect on the very next request, on every server (no cache to go stale).
 */
@Component
class SessionUsers {

    /** An active user as they are now. */
    record State(CurrentUser user, boolean mustChangePassword, int credentialsVersion) {}

    private final JdbcClient jdbc;

    SessionUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user as they are now, or empty when deactivated or deleted. */
    Optional<State> state(long userId) {
        return jdbc.sql("""
                select id, email, name, system_admin, must_change_password, credentials_version
                from app_user where id = ? and active
                """)
                .param(userId)
                .query((rs, row) -> new State(
                        new CurrentUser(
                                rs.getLong("id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                rs.getBoolean("system_admin")),
                        rs.getBoolean("must_change_password"),
                        rs.getInt("credentials_version")))
                .optional();
    }

    Optional<CurrentUser> current(long userId) {
        return state(userId).map(State::user);
    }
}
