package org.gantry.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens. The database keeps only a SHA-256 hash of each token: cheap to check on every
 * request (unlike bcrypt) and useless to someone who reads the table.
 */
@Service
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_PREFIX = "gty_";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final LoginRateLimiter rateLimiter;

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TwoFactorService twoFactor;
    private final SignInSettings signInSettings;

    ApiTokenService(
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            LoginRateLimiter rateLimiter,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            TwoFactorService twoFactor,
            SignInSettings signInSettings) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.rateLimiter = rateLimiter;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.twoFactor = twoFactor;
        this.signInSettings = signInSettings;
    }

    /**
     * Checks e-mail and password (counting failures against the login limit), then issues a token.
     * Deliberately not one transaction: the limiter records a failure in its own, and holding a
     * connection while waiting for a second one could starve the pool under a burst of logins.
     */
    public CreatedApiToken create(TokenRequest request, String clientAddress) {
        var problems = new InvalidInput.Collector();
        if (request.email() == null || request.email().isBlank()) {
            problems.add("email", "is required");
        }
        if (request.password() == null || request.password().isEmpty()) {
            problems.add("password", "is required");
        }
        String name = request.name() == null || request.name().isBlank()
                ? "API token"
                : request.name().strip();
        if (name.length() > 100) {
            problems.add("name", "must be at most 100 characters long");
        }
        problems.throwIfAny();
        String email = request.email().strip();
        rateLimiter.checkAllowed(email, clientAddress);
        record Account(long id, String email, String passwordHash, boolean systemAdmin) {}
        var user = jdbc.sql("""
                select id, email, password_hash, system_admin from app_user
                where lower(email) = lower(?) and active
                """)
                .param(email)
                .query((rs, row) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
        if (user.isEmpty()
                || !passwordEncoder.matches(request.password(), user.get().passwordHash())) {
            rateLimiter.recordFailure(email, clientAddress, "API token request: wrong e-mail or password");
            throw new BadCredentials();
        }
        boolean withCode = twoFactor.isOn(user.get().id());
        if (withCode) {
            if (request.otp() == null || request.otp().isBlank()) {
                throw new TwoFactorCodeRequired("This account has two-factor sign-in: send the current code of"
                        + " your authenticator app (or one of your recovery codes) as otp.");
            }
            if (!twoFactor.verify(user.get().id(), request.otp())) {
                rateLimiter.recordFailure(email, clientAddress, "API token request: wrong two-factor code");
                throw new TwoFactorCodeRequired(
                        "The two-factor code is wrong, expired or was already used; send a current one as otp.");
            }
        }
        rateLimiter.recordSuccess(email, clientAddress);
        if (!user.get().systemAdmin() && signInSettings.ssoOnly()) {
            throw new Forbidden("Password sign-in is turned off on this server: sign in with single sign-on in the"
                    + " browser and create the token on the API tokens page.");
        }
        return issue(
                user.get().id(),
                user.get().email(),
                name,
                clientAddress,
                "(with the password" + (withCode ? " and a two-factor code)" : ")"));
    }

    /**
     * A token for someone whose browser session was signed in through the OpenID Connect provider
     * (they have no password to re-enter): the provider's sign-in vouches for them.
     */
    public CreatedApiToken createForProviderSession(CurrentUser caller, String requestedName, String clientAddress) {
        String name = requestedName == null || requestedName.isBlank() ? "API token" : requestedName.strip();
        if (name.length() > 100) {
            throw new InvalidInput("name", "must be at most 100 characters long");
        }
        return issue(caller.id(), caller.email(), name, clientAddress, "(signed in through single sign-on)");
    }

    private CreatedApiToken issue(long userId, String email, String name, String clientAddress, String how) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return transaction.execute(status -> {
            CreatedApiToken created = jdbc.sql(
                            "insert into api_token (user_id, name, token_hash) values (?, ?, ?) returning id, created_at")
                    .params(userId, name, hash(token))
                    .query((rs, row) -> new CreatedApiToken(rs.getLong("id"), name, token, instant(rs, "created_at")))
                    .single();
            events.publishEvent(new SecurityEvent(
                    SecurityEvent.Kind.TOKEN_CREATED,
                    userId,
                    email,
                    "token " + created.id() + " \"" + name + "\" " + how,
                    null,
                    null,
                    clientAddress));
            return created;
        });
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(CurrentUser caller) {
        return jdbc.sql("""
                select id, name, created_at, last_used_at from api_token
                where user_id = ? and revoked_at is null order by id
                """)
                .param(caller.id())
                .query((rs, row) -> new ApiToken(
                        rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"), instant(rs, "last_used_at")))
                .list();
    }

    @Transactional
    public void revoke(CurrentUser caller, long tokenId) {
        String name = jdbc.sql("""
                update api_token set revoked_at = now() where id = ? and user_id = ?
                and revoked_at is null returning name
                """)
                .params(tokenId, caller.id())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("You have no token " + tokenId + "."));
        events.publishEvent(SecurityEvent.of(
                SecurityEvent.Kind.TOKEN_REVOKED,
                caller.id(),
                caller.email(),
                "token " + tokenId + " \"" + name + "\""));
    }

    /**
     * The active user behind a token, if the token is known, not revoked and its user active. Read
     * from the database on every call (one indexed lookup): a revoked token, a deactivated user or a
     * removed admin role takes effect on the next request, on every server.
     */
    Optional<TokenUser> authenticate(String token) {
        if (!token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        record Match(CurrentUser user, long tokenId, Instant lastUsedAt) {}
        Optional<Match> match = jdbc.sql("""
                select u.id, u.email, u.name, u.system_admin, t.id as token_id, t.last_used_at
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null and u.active
                """)
                .param(hash)
                .query((rs, row) -> new Match(
                        new CurrentUser(
                                rs.getLong("id"),
                                rs.getString("email"),
                                rs.getString("name"),
                                rs.getBoolean("system_admin")),
                        rs.getLong("token_id"),
                        instant(rs, "last_used_at")))
                .optional();
        // Recording every use would turn each API read into a write; a minute's precision is plenty.
        match.filter(m -> m.lastUsedAt() == null
                        || m.lastUsedAt().isBefore(Instant.now().minus(1, ChronoUnit.MINUTES)))
                .ifPresent(m -> jdbc.sql("update api_token set last_used_at = now() where id = ?")
                        .param(m.tokenId())
                        .update());
        return match.map(m -> new TokenUser(m.user(), m.tokenId()));
    }

    /** The user behind a token, and which token it was (for the audit log). */
    record TokenUser(CurrentUser user, long tokenId) {}

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
