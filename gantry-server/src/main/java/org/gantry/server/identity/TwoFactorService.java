package org.gantry.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in for password accounts: enrolment (a secret, confirmed by a first code before it
 * counts), ten recovery codes, the check at sign-in, turning it off with a code, and an admin's reset
 * for someone who lost their phone and their codes.
 */
@Service
public class TwoFactorService {

    static final String ISSUER = "Gantry";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LoginRateLimiter rateLimiter;

    TwoFactorService(JdbcClient jdbc, ApplicationEventPublisher events, LoginRateLimiter rateLimiter) {
        this.jdbc = jdbc;
        this.events = events;
        this.rateLimiter = rateLimiter;
    }

    @Transactional(readOnly = true)
    public TwoFactorStatus status(CurrentUser caller) {
        return status(caller.id());
    }

    TwoFactorStatus status(long userId) {
        record Row(boolean enabled, Instant enabledAt) {}
        Optional<Row> row = jdbc.sql("select enabled_at from two_factor where user_id = ?")
                .param(userId)
                .query((rs, n) -> {
                    OffsetDateTime at = rs.getObject("enabled_at", OffsetDateTime.class);
                    return new Row(at != null, at == null ? null : at.toInstant());
                })
                .optional();
        int left = jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null")
                .param(userId)
                .query(Integer.class)
                .single();
        return new TwoFactorStatus(
                row.map(Row::enabled).orElse(false),
                row.map(r -> !r.enabled()).orElse(false),
                row.map(Row::enabledAt).orElse(null),
                row.map(Row::enabled).orElse(false) ? left : 0);
    }

    boolean isOn(long userId) {
        return jdbc.sql("select exists(select 1 from two_factor where user_id = ? and enabled_at is not null)")
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    /** The users who have two-factor sign-in on, for the admin's user list. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> enabledUserIds(CurrentUser caller) {
        if (!caller.systemAdmin()) {
            throw new Forbidden("Only a system admin can see who has two-factor sign-in.");
        }
        return new java.util.HashSet<>(jdbc.sql("select user_id from two_factor where enabled_at is not null")
                .query(Long.class)
                .list());
    }

    /** A new secret to put into the app; replaces an earlier unconfirmed one. */
    @Transactional
    public TwoFactorEnrolment start(CurrentUser caller) {
        if (isOn(caller.id())) {
            throw new Conflict(
                    "Two-factor sign-in is on", "Two-factor sign-in is already on; turn it off first to start again.");
        }
        String secret = Totp.newSecret();
        jdbc.sql("""
                insert into two_factor (user_id, secret) values (?, ?) on conflict (user_id) do update
                set secret = excluded.secret, enabled_at = null, last_used_step = null, created_at = now()
                """).params(caller.id(), secret).update();
        return new TwoFactorEnrolment(secret, Totp.uri(ISSUER, caller.email(), secret));
    }

    /** The enrolment started and not yet confirmed, to show its secret again. */
    @Transactional(readOnly = true)
    public Optional<TwoFactorEnrolment> pendingEnrolment(CurrentUser caller) {
        return jdbc.sql("select secret from two_factor where user_id = ? and enabled_at is null")
                .param(caller.id())
                .query(String.class)
                .optional()
                .map(secret -> new TwoFactorEnrolment(secret, Totp.uri(ISSUER, caller.email(), secret)));
    }

    /** Turns two-factor sign-in on when {@code code} is the app's current code; returns the recovery codes. */
    @Transactional
    public RecoveryCodes confirm(CurrentUser caller, String code) {
        Optional<String> secret = jdbc.sql("select secret from two_factor where user_id = ? and enabled_at is null")
                .param(caller.id())
                .query(String.class)
                .optional();
        if (secret.isEmpty()) {
            if (isOn(caller.id())) {
                throw new Conflict("Two-factor sign-in is on", "Two-factor sign-in is already on.");
            }
            throw new Conflict(
                    "No enrolment started", "Start the enrolment first, then confirm it with a code from your app.");
        }
        OptionalLong step = Totp.matchingStep(secret.get(), normalisedCode(code), Instant.now());
        if (step.isEmpty()) {
            throw new InvalidInput("code", "is not the current 6-digit code of your authenticator app");
        }
        jdbc.sql("update two_factor set enabled_at = now(), last_used_step = ? where user_id = ?")
                .params(step.getAsLong(), caller.id())
                .update();
        RecoveryCodes codes = newRecoveryCodes(caller.id());
        events.publishEvent(SecurityEvent.of(
                SecurityEvent.Kind.TWO_FACTOR_ENABLED, caller.id(), caller.email(), "authenticator app"));
        return codes;
    }

    /**
     * Turns it off; needs a current code or an unused recovery code. A wrong code counts against the
     * login limits like one typed at sign-in (someone with a stolen session must not guess freely).
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    public void disable(CurrentUser caller, String code, String clientAddress) {
        if (!isOn(caller.id())) {
            throw new Conflict("Two-factor sign-in is off", "Two-factor sign-in is not on.");
        }
        rateLimiter.checkAllowed(caller.email(), clientAddress);
        if (!verify(caller.id(), code)) {
            rateLimiter.recordFailure(caller.email(), clientAddress, "wrong two-factor code to turn it off");
            throw new InvalidInput("code", "is neither the current code of your app nor an unused recovery code");
        }
        remove(caller.id());
        events.publishEvent(SecurityEvent.of(
                SecurityEvent.Kind.TWO_FACTOR_DISABLED, caller.id(), caller.email(), "turned off with a code"));
    }

    /** An admin turns it off for someone who lost their app and their recovery codes. */
    @Transactional
    public void reset(CurrentUser caller, long userId) {
        if (!caller.systemAdmin()) {
            throw new Forbidden("Only a system admin can reset someone's two-factor sign-in.");
        }
        String email = jdbc.sql("select email from app_user where id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("There is no user " + userId + "."));
        if (!isOn(userId)) {
            throw new NotFound("User " + userId + " has no two-factor sign-in to reset.");
        }
        remove(userId);
        events.publishEvent(new SecurityEvent(
                SecurityEvent.Kind.TWO_FACTOR_RESET, userId, email, "reset by an admin", "on", "off", null));
    }

    /**
     * Whether {@code code} is the user's current app code (never one accepted before) or one of their
     * unused recovery codes, which is then spent.
     */
    @Transactional
    boolean verify(long userId, String code) {
        String clean = normalisedCode(code);
        if (clean == null || clean.isEmpty() || clean.length() > 64) {
            return false;
        }
        Optional<String> secret = jdbc.sql("select secret from two_factor where user_id = ? and enabled_at is not null")
                .param(userId)
                .query(String.class)
                .optional();
        if (secret.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret.get(), clean, Instant.now());
        if (step.isPresent()) {
            // Only a code of a later step than the last one accepted: a code seen once is never replayed.
            return jdbc.sql("""
                    update two_factor set last_used_step = ? where user_id = ?
                    and (last_used_step is null or last_used_step < ?)
                    """)
                            .params(step.getAsLong(), userId, step.getAsLong())
                            .update()
                    == 1;
        }
        return jdbc.sql("""
                update recovery_code set used_at = now() where id = (select id from recovery_code
                where user_id = ? and code_hash = ? and used_at is null limit 1)
                and used_at is null
                """).params(userId, hash(clean.replace("-", ""))).update() == 1;
    }

    private void remove(long userId) {
        jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
        jdbc.sql("delete from two_factor where user_id = ?").param(userId).update();
    }

    private RecoveryCodes newRecoveryCodes(long userId) {
        jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StringBuilder code = new StringBuilder();
            for (int j = 0; j < 16; j++) {
                if (j > 0 && j % 4 == 0) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
            jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)")
                    .params(userId, hash(code.toString().replace("-", "")))
                    .update();
        }
        return new RecoveryCodes(codes);
    }

    private static String normalisedCode(String code) {
        return code == null ? null : code.replace(" ", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
