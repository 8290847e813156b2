package org.gantry.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login limiting, in PostgreSQL so every server on the database counts the same failures. Two
 * limits over a sliding window: per account (the e-mail, from any address: against guessing one
 * person's password) and, much higher, per client address (against trying common passwords on many
 * accounts; high because an office behind one NAT or proxy shares it). Reaching a limit locks the
 * account or address for one window, no longer; locked callers are refused before their password
 * is checked and are not counted, and the failures that led to the lock are cleared, so the lock
 * really ends after one window. Successful logins add nothing and clear the account's failures. An
 * admin can clear a lock at once ({@link LoginLocks}).
 *
 * <p>Each call runs in its own transaction: a failure must be recorded even though the login that
 * failed rolls back.
 */
@Component
class LoginRateLimiter {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    private static final int MAX_SUBJECT_LENGTH = 320;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;

    LoginRateLimiter(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            @Value("${gantry.login.max-failures:10}") int maxFailures,
            @Value("${gantry.login.max-failures-per-address:100}") int maxFailuresPerAddress,
            @Value("${gantry.login.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.events = events;
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
    }

    /** Throws {@link TooManyLoginFailures} while the account or the address is locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public void checkAllowed(String email, String address) {
        Optional<Instant> until = jdbc.sql("""
                select max(locked_until) from login_lock where locked_until > now()
                and ((kind = 'account' and subject = ?) or (kind = 'address' and subject = ?))
                """)
                .params(account(email), subject(address))
                .query((rs, row) -> instant(rs, 1))
                .optional()
                .filter(instant -> instant != null);
        if (until.isPresent()) {
            Duration wait = Duration.between(Instant.now(), until.get());
            throw new TooManyLoginFailures(wait.isNegative() ? Duration.ofSeconds(1) : wait);
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean isBlocked(String email, String address) {
        try {
            checkAllowed(email, address);
            return false;
        } catch (TooManyLoginFailures e) {
            return true;
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String email, String address) {
        recordFailure(email, address, "wrong e-mail or password");
    }

    /** Counts a failed login and records it in the audit log (in this transaction) with why it failed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String email, String address, String why) {
        String account = account(email);
        Long userId = jdbc.sql("select id from app_user where lower(email) = ?")
                .param(account)
                .query(Long.class)
                .optional()
                .orElse(null);
        events.publishEvent(new SecurityEvent(
                SecurityEvent.Kind.LOGIN_FAILED,
                userId,
                account,
                userId == null ? why + " (no such account)" : why,
                null,
                null,
                subject(address)));
        String client = subject(address);
        long windowSeconds = window.toSeconds();
        jdbc.sql("delete from login_failure where failed_at < now() - make_interval(secs => ?)")
                .param(windowSeconds)
                .update();
        jdbc.sql("insert into login_failure (email, address) values (?, ?)")
                .params(account, client)
                .update();
        long accountFailures =
                jdbc.sql("""
                select count(*) from login_failure where email = ?
                and failed_at >= now() - make_interval(secs => ?)
                """).params(account, windowSeconds).query(Long.class).single();
        if (accountFailures >= maxFailures) {
            lock(
                    ACCOUNT,
                    account,
                    "login_failure where email = ?",
                    account,
                    client,
                    accountFailures + " failed logins for this account within " + minutes() + " minutes");
        }
        long addressFailures =
                jdbc.sql("""
                select count(*) from login_failure where address = ?
                and failed_at >= now() - make_interval(secs => ?)
                """).params(client, windowSeconds).query(Long.class).single();
        if (addressFailures >= maxFailuresPerAddress) {
            lock(
                    ADDRESS,
                    client,
                    "login_failure where address = ?",
                    account,
                    client,
                    addressFailures + " failed logins from this address within " + minutes() + " minutes");
        }
    }

    /** A successful login adds nothing to any count and forgets the account's earlier failures. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String email, String address) {
        jdbc.sql("delete from login_failure where email = ?")
                .param(account(email))
                .update();
    }

    /**
     * Starts a lock unless one is in force (two servers may race here: only the one whose insert or
     * renewal wins announces it), and clears the failures counted for it.
     */
    private void lock(String kind, String subject, String failures, String email, String address, String reason) {
        Optional<Instant> until = jdbc.sql("""
                insert into login_lock (kind, subject, locked_until, reason)
                values (?, ?, now() + make_interval(secs => ?), ?)
                on conflict (kind, subject) do update set locked_until = excluded.locked_until,
                reason = excluded.reason, created_at = now()
                where login_lock.locked_until <= now()
                returning locked_until
                """)
                .params(kind, subject, window.toSeconds(), reason)
                .query((rs, row) -> instant(rs, 1))
                .optional();
        jdbc.sql("delete from " + failures).param(subject).update();
        until.ifPresent(instant -> events.publishEvent(new LoginLocked(email, address, instant, reason)));
    }

    private long minutes() {
        return Math.max(1, window.toMinutes());
    }

    static String account(String email) {
        return subject(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String subject(String text) {
        String value = text == null ? "" : text;
        return value.length() > MAX_SUBJECT_LENGTH ? value.substring(0, MAX_SUBJECT_LENGTH) : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
