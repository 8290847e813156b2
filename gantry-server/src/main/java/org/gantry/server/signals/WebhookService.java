package org.gantry.server.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectLock;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A project's webhooks. Only owners and managers see and change them (they hold the secrets that let a
 * sender write into the project); every change is in the security audit log.
 */
@Service
class WebhookService {
    private static final int MAXIMUM_NAME = 200;
    private static final int MAXIMUM_WEBHOOKS = 50;

    private static final String SELECT = """
        select w.id, w.name, w.provider, w.public_id, w.secret_hint, w.created_at,
        w.updated_at, w.version, (select count(*) from webhook_delivery d where d.webhook_id = w.id) as deliveries,
        (select max(d.received_at) from webhook_delivery d where d.webhook_id = w.id) as last_delivery
        from webhook w where w.project_id = :project
        """;

    private final JdbcClient jdbc;
    private final ProjectLock projectLock;
    private final ProjectService projects;
    private final WebhookSecrets secrets;
    private final ApplicationEventPublisher events;
    private final String baseUrl;

    WebhookService(
            JdbcClient jdbc,
            ProjectService projects,
            WebhookSecrets secrets,
            ApplicationEventPublisher events,
            @Value("${gantry.base-url:}") String baseUrl,
            ProjectLock projectLock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.secrets = secrets;
        this.events = events;
        this.baseUrl = baseUrl;
        this.projectLock = projectLock;
    }

    @Transactional(readOnly = true)
    List<Webhook> list(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return jdbc.sql(SELECT + " order by w.id")
                .param("project", access.projectId())
                .query(this::webhook)
                .list();
    }

    @Transactional(readOnly = true)
    Webhook get(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return find(access, id);
    }

    @Transactional
    CreatedWebhook create(CurrentUser user, String projectRef, NewWebhook body, String address) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        Provider provider = Provider.parse(body.provider());
        if (provider == null) {
            problems.add("provider", "must be github, gitlab, gitea or generic");
        }
        String name = body.name() == null || body.name().isBlank()
                ? (provider == null
                        ? ""
                        : provider.name().charAt(0)
                                + provider.name().substring(1).toLowerCase())
                : body.name().strip();
        if (name.length() > MAXIMUM_NAME) {
            problems.add("name", "must be at most " + MAXIMUM_NAME + " characters long");
        }
        if (name.indexOf('\0') >= 0) {
            problems.add("name", "must not contain NUL characters");
        }
        problems.throwIfAny();
        projectLock.lock(access.projectId());
        long count = jdbc.sql("select count(*) from webhook where project_id = ?")
                .param(access.projectId())
                .query(Long.class)
                .single();
        if (count >= MAXIMUM_WEBHOOKS) {
            throw new org.gantry.server.shared.Conflict(
                    "Too many webhooks",
                    "Project " + access.key() + " has " + count + " webhooks, the most it may have; delete one first.");
        }
        String secret = WebhookSecrets.generate();
        String publicId = WebhookSecrets.generate().substring(0, 24);
        long id = jdbc.sql("""
                insert into webhook (project_id, public_id, name, provider, secret, secret_hint, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        access.projectId(),
                        publicId,
                        name,
                        provider.name(),
                        secrets.seal(secret),
                        WebhookSecrets.hint(secret),
                        user.id())
                .query(Long.class)
                .single();
        events.publishEvent(new WebhookSecurityEvent(
                WebhookSecurityEvent.Kind.CREATED, access.key(), id, name, provider.name(), address, null));
        return new CreatedWebhook(find(access, id), secret, signatureHeader(provider));
    }

    @Transactional
    CreatedWebhook rotate(CurrentUser user, String projectRef, long id, SecretRotation body, String address) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null || body.version() == null) {
            throw new InvalidInput("version", "is required: the webhook's version as you last read it");
        }
        Webhook current = find(access, id);
        String secret = WebhookSecrets.generate();
        int updated = jdbc.sql("""
                update webhook set secret = ?, secret_hint = ?, updated_at = now(),
                version = version + 1 where id = ? and project_id = ? and version = ?
                """)
                .params(secrets.seal(secret), WebhookSecrets.hint(secret), id, access.projectId(), body.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The webhook", current);
        }
        events.publishEvent(new WebhookSecurityEvent(
                WebhookSecurityEvent.Kind.SECRET_ROTATED,
                access.key(),
                id,
                current.name(),
                current.provider().name(),
                address,
                null));
        return new CreatedWebhook(find(access, id), secret, signatureHeader(current.provider()));
    }

    @Transactional
    void delete(CurrentUser user, String projectRef, long id, String address) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        Webhook current = find(access, id);
        jdbc.sql("delete from webhook where id = ? and project_id = ?")
                .params(id, access.projectId())
                .update();
        events.publishEvent(new WebhookSecurityEvent(
                WebhookSecurityEvent.Kind.DELETED,
                access.key(),
                id,
                current.name(),
                current.provider().name(),
                address,
                null));
    }

    private Webhook find(ProjectAccess access, long id) {
        return jdbc.sql(SELECT + " and w.id = :id")
                .param("project", access.projectId())
                .param("id", id)
                .query(this::webhook)
                .optional()
                .orElseThrow(() -> new NotFound("There is no webhook " + id + " in project " + access.key() + "."));
    }

    static String signatureHeader(Provider provider) {
        return switch (provider) {
            case GITHUB -> "X-Hub-Signature-256";
            case GITLAB -> "X-Gitlab-Token";
            case GITEA -> "X-Gitea-Signature";
            case GENERIC -> "X-Gantry-Signature";
        };
    }

    private String deliveryUrl(String publicId) {
        String path = "/api/v1/hooks/" + publicId;
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(path)
                    .toUriString();
        } catch (IllegalStateException outsideARequest) {
            return path;
        }
    }

    private Webhook webhook(ResultSet rs, int row) throws SQLException {
        OffsetDateTime last = rs.getObject("last_delivery", OffsetDateTime.class);
        return new Webhook(
                rs.getLong("id"),
                rs.getString("name"),
                Provider.valueOf(rs.getString("provider")),
                deliveryUrl(rs.getString("public_id")),
                rs.getString("secret_hint"),
                rs.getLong("deliveries"),
                last == null ? null : last.toInstant(),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
