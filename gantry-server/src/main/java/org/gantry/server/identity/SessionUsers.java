package org.gantry.server.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The current state of users logged in by session. A session keeps the user as they were at login;
 * this re-reads them (at most every 10 s per user) so a deactivated user is thrown out and a changed
 * admin role takes effect without logging in again.
 */
@Component
class SessionUsers {

    private static final long FRESH_NANOS = 10_000_000_000L;

    private record Checked(Optional<CurrentUser> user, long at) {}

    private final Map<Long, Checked> checked = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    SessionUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user as they are now, or empty when deactivated or deleted. */
    Optional<CurrentUser> current(long userId) {
        long now = System.nanoTime();
        Checked last = checked.get(userId);
        if (last != null && now - last.at() < FRESH_NANOS) {
            return last.user();
        }
        Optional<CurrentUser> user = jdbc.sql(
                        "select id, email, name, system_admin from app_user where id = ? and active")
                .param(userId)
                .query((rs, row) -> new CurrentUser(
                        rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getBoolean("system_admin")))
                .optional();
        if (checked.size() > 10_000) {
            checked.clear();
        }
        checked.put(userId, new Checked(user, now));
        return user;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void userDeactivated(UserDeactivated event) {
        checked.remove(event.userId());
    }
}
