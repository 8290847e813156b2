package org.gantry.server.identity;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: the directory every user can read, and what only a system admin may change. */
@Service
public class UserService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS =
            "id, email, name, system_admin, portfolio_manager, active, must_change_password, created_at, version";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final StoredSessions sessions;

    UserService(
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            StoredSessions sessions) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public UserAccount me(CurrentUser caller) {
        return find(caller.id()).orElseThrow(() -> new NotFound("Your account no longer exists."));
    }

    /** Every user may read the directory (to add people to a project); only admins see inactive ones. */
    @Transactional(readOnly = true)
    public List<UserAccount> list(CurrentUser caller, String query, boolean includeInactive) {
        boolean inactiveToo = includeInactive && caller.systemAdmin();
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)) + "%";
        return jdbc.sql("select " + COLUMNS
                        + " from app_user where (active or ?) and (lower(name) like ? or lower(email) like ?)"
                        + " order by lower(name), id")
                .params(inactiveToo, pattern, pattern)
                .query(UserService::account)
                .list();
    }

    /** One page of the directory, in name order, with the total number of matches. */
    @Transactional(readOnly = true)
    public PageOf<UserAccount> page(CurrentUser caller, String query, boolean includeInactive, int page, int size) {
        var problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            problems.add("size", "must be between 1 and 500");
        }
        problems.throwIfAny();
        boolean inactiveToo = includeInactive && caller.systemAdmin();
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)) + "%";
        String where = " from app_user where (active or ?) and (lower(name) like ? or lower(email) like ?)";
        long total = jdbc.sql("select count(*)" + where)
                .params(inactiveToo, pattern, pattern)
                .query(Long.class)
                .single();
        List<UserAccount> items = jdbc.sql("select " + COLUMNS + where + " order by lower(name), id limit ? offset ?")
                .params(inactiveToo, pattern, pattern, size, (long) page * size)
                .query(UserService::account)
                .list();
        return new PageOf<>(items, page, size, total);
    }

    @Transactional(readOnly = true)
    public UserAccount get(CurrentUser caller, long id) {
        return find(id).filter(user -> user.active() || caller.systemAdmin())
                .orElseThrow(() -> new NotFound("There is no user " + id + "."));
    }

    @Transactional
    public Invitation invite(CurrentUser caller, NewUser command) {
        requireAdmin(caller);
        String email = command.email() == null ? null : command.email().strip();
        String name = command.name() == null ? null : command.name().strip();
        var problems = new InvalidInput.Collector();
        checkEmail(email, problems);
        checkName(name, problems);
        problems.throwIfAny();
        requireFreeEmail(email);
        String password = oneTimePassword();
        boolean admin = Boolean.TRUE.equals(command.systemAdmin());
        long id = insert(email, name, password, admin, true);
        events.publishEvent(
                new SecurityEvent(SecurityEvent.Kind.USER_CREATED, id, email, "invited", null, roleName(admin), null));
        return new Invitation(find(id).orElseThrow(), password);
    }

    @Transactional
    public UserAccount update(CurrentUser caller, long id, UserChanges changes) {
        requireAdmin(caller);
        UserAccount current = find(id).orElseThrow(() -> new NotFound("There is no user " + id + "."));
        var problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String name = changes.name() == null ? current.name() : changes.name().strip();
        checkName(name, problems);
        problems.throwIfAny();
        boolean active = changes.active() == null ? current.active() : changes.active();
        boolean admin = changes.systemAdmin() == null ? current.systemAdmin() : changes.systemAdmin();
        boolean portfolioManager =
                changes.portfolioManager() == null ? current.portfolioManager() : changes.portfolioManager();
        if (id == caller.id() && (!active || !admin)) {
            throw new Conflict(
                    "Cannot demote yourself", "You cannot deactivate yourself or remove your own admin role.");
        }
        int updated = jdbc.sql("""
                update app_user set name = ?, active = ?, system_admin = ?, portfolio_manager = ?,
                updated_at = now(), version = version + 1 where id = ? and version = ?
                """)
                .params(name, active, admin, portfolioManager, id, changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The user", current);
        }
        if (admin != current.systemAdmin()) {
            events.publishEvent(new SecurityEvent(
                    SecurityEvent.Kind.SYSTEM_ROLE_CHANGED,
                    id,
                    current.email(),
                    null,
                    roleName(current.systemAdmin()),
                    roleName(admin),
                    null));
        }
        if (portfolioManager != current.portfolioManager()) {
            events.publishEvent(new SecurityEvent(
                    SecurityEvent.Kind.SYSTEM_ROLE_CHANGED,
                    id,
                    current.email(),
                    "portfolio manager role",
                    current.portfolioManager() ? "portfolio manager" : "user",
                    portfolioManager ? "portfolio manager" : "user",
                    null));
        }
        if (active != current.active()) {
            events.publishEvent(new SecurityEvent(
                    active ? SecurityEvent.Kind.USER_REACTIVATED : SecurityEvent.Kind.USER_DEACTIVATED,
                    id,
                    current.email(),
                    null,
                    current.active() ? "active" : "deactivated",
                    active ? "active" : "deactivated",
                    null));
        }
        if (!active) {
            revokeTokens(id);
            sessions.endSessionsOf(id);
            events.publishEvent(new UserDeactivated(id));
        }
        return find(id).orElseThrow();
    }

    /** Gives the user a new one-time password (for someone who lost theirs). */
    @Transactional
    public String resetPassword(CurrentUser caller, long id) {
        requireAdmin(caller);
        UserAccount account = find(id).orElseThrow(() -> new NotFound("There is no user " + id + "."));
        String password = oneTimePassword();
        jdbc.sql("""
                update app_user set password_hash = ?, must_change_password = true, updated_at = now(),
                credentials_version = credentials_version + 1, version = version + 1 where id = ?
                """).params(passwordEncoder.encode(password), id).update();
        revokeTokens(id);
        sessions.endSessionsOf(id);
        events.publishEvent(SecurityEvent.of(
                SecurityEvent.Kind.PASSWORD_RESET,
                id,
                account.email(),
                "new one-time password; sessions ended, API tokens revoked"));
        return password;
    }

    /**
     * Changes the caller's password, revokes all their API tokens and ends their other sessions (the
     * caller's session keeps going when the caller hands the returned count to {@code keepSession}).
     *
     * @return the account's new credentials version
     */
    @Transactional
    public int changePassword(CurrentUser caller, PasswordChange change) {
        var problems = new InvalidInput.Collector();
        String hash = jdbc.sql("select password_hash from app_user where id = ?")
                .param(caller.id())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("Your account no longer exists."));
        if (change.currentPassword() == null || !passwordEncoder.matches(change.currentPassword(), hash)) {
            problems.add("currentPassword", "does not match your current password");
        }
        PasswordPolicy.check("newPassword", change.newPassword(), caller.email(), caller.name(), problems);
        problems.throwIfAny();
        int credentialsVersion = jdbc.sql("""
                update app_user set password_hash = ?, must_change_password = false,
                updated_at = now(), credentials_version = credentials_version + 1,
                version = version + 1 where id = ? returning credentials_version
                """)
                .params(passwordEncoder.encode(change.newPassword()), caller.id())
                .query(Integer.class)
                .single();
        revokeTokens(caller.id());
        sessions.endSessionsOf(caller.id());
        events.publishEvent(SecurityEvent.of(
                SecurityEvent.Kind.PASSWORD_CHANGED,
                caller.id(),
                caller.email(),
                "other sessions ended, API tokens revoked"));
        return credentialsVersion;
    }

    private static String roleName(boolean systemAdmin) {
        return systemAdmin ? "system admin" : "user";
    }

    private void revokeTokens(long userId) {
        jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(userId)
                .update();
    }

    /**
     * Creates a user with an unknown random password unless the e-mail is taken; for server-side
     * set-up such as the demo project, which decides itself who may trigger it.
     */
    @Transactional
    public UserAccount provision(String email, String name) {
        return findByEmail(email).orElseGet(() -> find(insert(email, name, oneTimePassword(), false, false))
                .orElseThrow());
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from app_user where lower(email) = lower(?)")
                .param(email)
                .query(UserService::account)
                .optional();
    }

    /**
     * Whether the caller holds the portfolio manager role now: read from the account on every call, so a role
     * taken away stops working at the caller's next request (not at their next sign-in).
     */
    @Transactional(readOnly = true)
    public boolean isPortfolioManager(CurrentUser caller) {
        return jdbc.sql("select portfolio_manager and active from app_user where id = ?")
                .param(caller.id())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** The longest-standing active system admin, to act for server-side set-up such as the demo. */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> firstAdmin() {
        return jdbc.sql("select id, email, name from app_user where system_admin and active order by id limit 1")
                .query((rs, row) ->
                        new CurrentUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"), true))
                .optional();
    }

    boolean anyUserExists() {
        return jdbc.sql("select exists(select 1 from app_user)")
                .query(Boolean.class)
                .single();
    }

    long createAdmin(String email, String name, String password, boolean mustChangePassword) {
        return insert(email, name, password, true, mustChangePassword);
    }

    static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private long insert(String email, String name, String password, boolean admin, boolean mustChangePassword) {
        return jdbc.sql("""
                insert into app_user (email, name, password_hash, system_admin, must_change_password)
                values (?, ?, ?, ?, ?) returning id
                """)
                .params(email, name, passwordEncoder.encode(password), admin, mustChangePassword)
                .query(Long.class)
                .single();
    }

    private void requireFreeEmail(String email) {
        if (findByEmail(email).isPresent()) {
            throw new Conflict("E-mail in use", "There is already a user with the e-mail " + email + ".");
        }
    }

    private Optional<UserAccount> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?")
                .param(id)
                .query(UserService::account)
                .optional();
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.systemAdmin()) {
            throw new Forbidden("Only a system admin can manage users.");
        }
    }

    private static void checkEmail(String email, InvalidInput.Collector problems) {
        if (email == null || email.isEmpty()) {
            problems.add("email", "is required");
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add("email", "is not an e-mail address");
        }
    }

    private static void checkName(String name, InvalidInput.Collector problems) {
        if (name == null || name.isEmpty()) {
            problems.add("name", "is required");
        } else if (name.length() > 100) {
            problems.add("name", "must be at most 100 characters long");
        }
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("name"),
                rs.getBoolean("system_admin"),
                rs.getBoolean("portfolio_manager"),
                rs.getBoolean("active"),
                rs.getBoolean("must_change_password"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }
}
