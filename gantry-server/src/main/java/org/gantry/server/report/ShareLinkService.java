package org.gantry.server.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share links: owners and managers create, list and revoke them; {@link #resolve} finds the link a visitor's
 * token belongs to. The token is 256 random bits (base64url, 43 characters); only its SHA-256 is stored, so
 * it is looked up by hash and a leaked database opens nothing. Unknown and malformed tokens are alike (404);
 * a revoked or expired link says so (410) without saying what it showed.
 */
@Service
class ShareLinkService {

    /** What a link opens: the dashboard, one published status report, or the Gantt view of the plan. */
    static final List<String> TARGETS = List.of("DASHBOARD", "REPORT", "GANTT");

    static final int MAXIMUM_LABEL = 200;
    static final int MINIMUM_PASSWORD = 8;
    static final int MAXIMUM_PASSWORD = 128;
    static final int MAXIMUM_DAYS_AHEAD = 731;
    /** Wrong passwords a link takes in {@link #FAILURE_WINDOW} before it refuses every try until the window ends. */
    static final int MAXIMUM_FAILURES = 10;

    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SELECT = """
        select l.id, p.project_key, l.target, l.report_id, r.title as report_title,
        l.label, l.password_hash is not null as protected, l.expires_at, l.revoked_at, c.name as created_by_name,
        l.created_at, v.name as revoked_by_name, u.last_opened_at, coalesce(u.opened, 0) as opened, l.version
        from share_link l join project p on p.id = l.project_id left join status_report r on r.id = l.report_id
        left join app_user c on c.id = l.created_by left join app_user v on v.id = l.revoked_by
        left join share_link_use u on u.link_id = l.id
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ShareLinkService(JdbcClient jdbc, ProjectService projects, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.passwords = passwords;
        this.clock = Clock.systemUTC();
    }

    /** A link as a visitor's token found it: what it opens, and its password hash when it has one. */
    record Resolved(long id, long projectId, String projectKey, String target, Long reportId, String passwordHash) {

        /** The value of the cookie that says this browser typed the password (changes with the password). */
        String unlockProof() {
            return sha256(id + ":" + passwordHash);
        }
    }

    /** Why a token opens nothing: 404 (never was a link) or 410 (revoked, expired). */
    static final class Unavailable extends RuntimeException {
        private final int status;

        Unavailable(int status, String detail) {
            super(detail);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    // ----- owners and managers -----

    @Transactional(readOnly = true)
    public List<ShareLink> list(CurrentUser user, String projectRef) {
        ProjectAccess access = manager(user, projectRef);
        return jdbc.sql(SELECT + " where l.project_id = ? order by l.created_at desc, l.id desc")
                .param(access.projectId())
                .query(this::link)
                .list();
    }

    @Transactional
    public ShareLink.Created create(CurrentUser user, String projectRef, NewShareLink body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        NewShareLink wanted = body == null ? new NewShareLink(null, null, null, null, null) : body;
        var problems = new InvalidInput.Collector();
        String target = wanted.target() == null ? null : wanted.target().strip().toUpperCase(Locale.ROOT);
        if (target == null || target.isEmpty()) {
            problems.add("target", "is required: DASHBOARD, REPORT or GANTT");
        } else if (!TARGETS.contains(target)) {
            problems.add("target", "must be DASHBOARD, REPORT or GANTT");
        }
        Long reportId = null;
        if ("REPORT".equals(target)) {
            if (wanted.reportId() == null) {
                problems.add("reportId", "is required for a link to a status report");
            } else if (!publishedReport(access.projectId(), wanted.reportId())) {
                problems.add("reportId", "must be a published status report of project " + access.key());
            } else {
                reportId = wanted.reportId();
            }
        } else if (target != null && !"REPORT".equals(target) && wanted.reportId() != null) {
            problems.add("reportId", "is only for a link to a status report");
        }
        String label = wanted.label() == null ? "" : wanted.label().strip();
        if (label.length() > MAXIMUM_LABEL) {
            problems.add("label", "must be at most " + MAXIMUM_LABEL + " characters");
        }
        if (label.indexOf('\0') >= 0) {
            problems.add("label", "must not contain NUL characters");
        }
        Instant expiresAt = null;
        if (wanted.expiresOn() != null) {
            LocalDate today = LocalDate.now(clock.withZone(access.timeZone()));
            if (wanted.expiresOn().isBefore(today)) {
                problems.add("expiresOn", "must be today or later");
            } else if (wanted.expiresOn().isAfter(today.plusDays(MAXIMUM_DAYS_AHEAD))) {
                problems.add("expiresOn", "must be at most two years ahead");
            } else {
                // Open through the whole last day where the project is.
                expiresAt = wanted.expiresOn()
                        .plusDays(1)
                        .atStartOfDay(access.timeZone())
                        .toInstant();
            }
        }
        String password = wanted.password();
        if (password != null && !password.isEmpty()) {
            if (password.length() < MINIMUM_PASSWORD || password.length() > MAXIMUM_PASSWORD) {
                problems.add(
                        "password",
                        "must be " + MINIMUM_PASSWORD + " to " + MAXIMUM_PASSWORD + " characters (or left empty)");
            }
            if (password.indexOf('\0') >= 0) {
                problems.add("password", "must not contain NUL characters");
            }
        }
        problems.throwIfAny();
        String token = newToken();
        long id = jdbc.sql("""
                insert into share_link (project_id, target, report_id, label, token_hash, password_hash,
                expires_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        access.projectId(),
                        target,
                        reportId,
                        label,
                        sha256(token),
                        password == null || password.isEmpty() ? null : passwords.encode(password),
                        expiresAt == null ? null : java.sql.Timestamp.from(expiresAt),
                        user.id())
                .query(Long.class)
                .single();
        return new ShareLink.Created(find(access, id), token, "/share/" + token);
    }

    /** Revokes a link (again: nothing changes). It stays listed, revoked, and opens nothing from now on. */
    @Transactional
    public ShareLink revoke(CurrentUser user, String projectRef, long linkId) {
        ProjectAccess access = manager(user, projectRef);
        ShareLink link = find(access, linkId);
        if (link.revokedAt() == null) {
            jdbc.sql("""
                    update share_link set revoked_at = now(), revoked_by = ?, version = version + 1
                    where id = ? and revoked_at is null
                    """).params(user.id(), linkId).update();
        }
        return find(access, linkId);
    }

    /**
     * Listing and revoking are for owners and managers, also of an archived project (a link to an archived
     * project's dashboard still opens, so it must stay possible to revoke it).
     */
    private ProjectAccess manager(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef);
        if (!access.can(Permission.EDIT_PROJECT)) {
            throw new Forbidden("Share links are for the owners and managers of project " + access.key() + ".");
        }
        return access;
    }

    private ShareLink find(ProjectAccess access, long linkId) {
        return jdbc.sql(SELECT + " where l.id = ? and l.project_id = ?")
                .params(linkId, access.projectId())
                .query(this::link)
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no share link " + linkId + "."));
    }

    private boolean publishedReport(long projectId, long reportId) {
        return jdbc.sql("""
                select exists(select 1 from status_report where id = ? and project_id = ?
                and state = 'PUBLISHED')
                """).params(reportId, projectId).query(Boolean.class).single();
    }

    private ShareLink link(ResultSet rs, int row) throws SQLException {
        Instant expiresAt = instant(rs, "expires_at");
        Instant revokedAt = instant(rs, "revoked_at");
        long report = rs.getLong("report_id");
        Long reportId = rs.wasNull() ? null : report;
        String state = revokedAt != null
                ? "REVOKED"
                : expiresAt != null && !clock.instant().isBefore(expiresAt) ? "EXPIRED" : "ACTIVE";
        return new ShareLink(
                rs.getLong("id"),
                rs.getString("project_key"),
                rs.getString("target"),
                reportId,
                rs.getString("report_title"),
                rs.getString("label"),
                rs.getBoolean("protected"),
                expiresAt,
                state,
                rs.getString("created_by_name"),
                instant(rs, "created_at"),
                rs.getString("revoked_by_name"),
                revokedAt,
                instant(rs, "last_opened_at"),
                rs.getLong("opened"),
                rs.getInt("version"));
    }

    // ----- visitors -----

    /** The link a token opens now, or why it opens nothing. */
    @Transactional(readOnly = true)
    public Resolved resolve(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw notFound();
        }
        record Row(Resolved link, Instant expiresAt, Instant revokedAt) {}
        Row row = jdbc.sql("""
                select l.id, l.project_id, p.project_key, l.target, l.report_id, l.password_hash,
                l.expires_at, l.revoked_at from share_link l join project p on p.id = l.project_id
                where l.token_hash = ?
                """)
                .param(sha256(token))
                .query((rs, n) -> {
                    long report = rs.getLong("report_id");
                    Long reportId = rs.wasNull() ? null : report;
                    return new Row(
                            new Resolved(
                                    rs.getLong("id"),
                                    rs.getLong("project_id"),
                                    rs.getString("project_key"),
                                    rs.getString("target"),
                                    reportId,
                                    rs.getString("password_hash")),
                            instant(rs, "expires_at"),
                            instant(rs, "revoked_at"));
                })
                .optional()
                .orElseThrow(ShareLinkService::notFound);
        if (row.revokedAt() != null) {
            throw new Unavailable(410, "This link was revoked by the project's team. Ask them for a new one.");
        }
        if (row.expiresAt() != null && !clock.instant().isBefore(row.expiresAt())) {
            throw new Unavailable(410, "This link has expired. Ask the project's team for a new one.");
        }
        return row.link();
    }

    /** Counts an opening (not the page's own background refreshes) for the list's "last opened". */
    @Transactional
    public void recordOpening(Resolved link) {
        jdbc.sql("""
                insert into share_link_use (link_id, last_opened_at, opened) values (?, now(), 1)
                on conflict (link_id) do update set last_opened_at = now(),
                opened = share_link_use.opened + 1
                """).param(link.id()).update();
    }

    /**
     * Checks a typed password. Ten wrong ones in fifteen minutes lock the link for the rest of that window
     * (bcrypt makes each try slow as well), so a password cannot be guessed by brute force.
     */
    @Transactional(noRollbackFor = Unavailable.class)
    public boolean unlock(Resolved link, String password) {
        Instant windowStart = clock.instant().minus(FAILURE_WINDOW);
        Integer failures = jdbc.sql("""
                select coalesce(case when failures_since > ? then failed_passwords end, 0)
                from share_link_use where link_id = ?
                """)
                .params(java.sql.Timestamp.from(windowStart), link.id())
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (failures >= MAXIMUM_FAILURES) {
            throw new Unavailable(429, "Too many wrong passwords. Try again in fifteen minutes.");
        }
        if (password != null
                && password.length() <= MAXIMUM_PASSWORD
                && link.passwordHash() != null
                && passwords.matches(password, link.passwordHash())) {
            return true;
        }
        jdbc.sql("""
                insert into share_link_use (link_id, failed_passwords, failures_since) values (?, 1, now())
                on conflict (link_id) do update set failed_passwords = case when
                share_link_use.failures_since > ? then share_link_use.failed_passwords + 1 else 1 end,
                failures_since = case when share_link_use.failures_since > ? then
                share_link_use.failures_since else now() end
                """)
                .params(link.id(), java.sql.Timestamp.from(windowStart), java.sql.Timestamp.from(windowStart))
                .update();
        return false;
    }

    /**
     * What a visitor reads through a link: the project as its stakeholders see it (costs hidden). The identity
     * is no person; its permissions are those of the stakeholder role in this one project.
     */
    static ProjectAccess stakeholderView(Resolved link) {
        return stakeholderView(link.projectId(), link.projectKey());
    }

    /** One project as its stakeholders read it, for readers that are no person (links, digests). */
    static ProjectAccess stakeholderView(long projectId, String projectKey) {
        return new ProjectAccess(
                projectId,
                projectKey,
                new CurrentUser(0, "share-link@gantry", "Share link", false),
                ProjectRole.STAKEHOLDER,
                false,
                ZoneOffset.UTC,
                480,
                2400);
    }

    private static Unavailable notFound() {
        return new Unavailable(404, "There is no such link. Check that the address was copied whole.");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
