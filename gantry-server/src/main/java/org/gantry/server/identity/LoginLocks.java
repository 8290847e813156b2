package org.gantry.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The login lockouts in force, for system admins, who can end one at once. */
@Service
public class LoginLocks {

    private final JdbcClient jdbc;

    LoginLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<LoginLock> list(CurrentUser caller) {
        requireAdmin(caller);
        return jdbc.sql("""
                select id, kind, subject, locked_until, reason, created_at from login_lock
                where locked_until > now() order by created_at desc, id desc
                """).query(LoginLocks::lock).list();
    }

    /** Ends the lock and forgets the failures that led to it, so the owner starts afresh. */
    @Transactional
    public void clear(CurrentUser caller, long id) {
        requireAdmin(caller);
        var lock = jdbc.sql("""
                delete from login_lock where id = ? and locked_until > now()
                returning id, kind, subject, locked_until, reason, created_at
                """)
                .param(id)
                .query(LoginLocks::lock)
                .optional()
                .orElseThrow(() -> new NotFound("There is no login lock " + id + " in force."));
        String column = LoginRateLimiter.ACCOUNT.equals(lock.kind()) ? "email" : "address";
        jdbc.sql("delete from login_failure where " + column + " = ?")
                .param(lock.subject())
                .update();
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.systemAdmin()) {
            throw new Forbidden("Only a system admin can see and clear login locks.");
        }
    }

    private static LoginLock lock(ResultSet rs, int row) throws SQLException {
        return new LoginLock(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("subject"),
                instant(rs, "locked_until"),
                rs.getString("reason"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
