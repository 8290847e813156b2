package org.gantry.server.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectLock;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's outgoing webhooks and their delivery logs (owners and managers: the secret lets a receiver
 * trust what it gets), and the server-wide setting on internal addresses (system admins). What is sent is
 * queued by the database itself (V134) and sent by {@link OutgoingSender}.
 */
@Service
class OutgoingWebhookService {
    static final List<String> EVENTS = List.of("task", "milestone", "schedule");
    static final String SIGNATURE_HEADER = "X-Gantry-Signature";
    private static final int MAXIMUM_NAME = 200;
    private static final int MAXIMUM_WEBHOOKS = 20;
    private static final int LOG_SIZE = 100;

    private static final String SELECT = """
        select w.id, w.name, w.url, w.events, w.active, w.secret_hint, w.created_at,
        w.updated_at, w.version,
        (select count(*) from outgoing_delivery d where d.webhook_id = w.id and d.state = 'PENDING') as pending,
        (select count(*) from outgoing_delivery d where d.webhook_id = w.id and d.state = 'DELIVERED') as delivered,
        (select count(*) from outgoing_delivery d where d.webhook_id = w.id and d.state = 'FAILED') as failed,
        (select max(d.last_attempt_at) from outgoing_delivery d where d.webhook_id = w.id) as last_attempt
        from outgoing_webhook w where w.project_id = :project
        """;

    private static final String DELIVERY = """
        select id, delivery_id, event, state, attempts, created_at, next_attempt_at,
        last_attempt_at, last_status, last_error, delivered_at, payload::text as payload from outgoing_delivery
        """;

    private final JdbcClient jdbc;
    private final ProjectLock projectLock;
    private final ProjectService projects;
    private final WebhookSecrets secrets;

    OutgoingWebhookService(JdbcClient jdbc, ProjectService projects, WebhookSecrets secrets, ProjectLock projectLock) {
        this.projectLock = projectLock;
        this.jdbc = jdbc;
        this.projects = projects;
        this.secrets = secrets;
    }

    @Transactional(readOnly = true)
    List<OutgoingWebhook> list(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return jdbc.sql(SELECT + " order by w.id")
                .param("project", access.projectId())
                .query(OutgoingWebhookService::webhook)
                .list();
    }

    @Transactional(readOnly = true)
    OutgoingWebhook get(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        return find(access, id);
    }

    @Transactional
    CreatedOutgoingWebhook create(CurrentUser user, String projectRef, NewOutgoingWebhook body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        var problems = new InvalidInput.Collector();
        String name = checkName(body.name() == null || body.name().isBlank() ? "Webhook" : body.name(), problems);
        String url = checkUrl(body.url(), problems);
        List<String> events = body.events() == null ? EVENTS : checkEvents(body.events(), problems);
        problems.throwIfAny();
        projectLock.lock(access.projectId());
        long count = jdbc.sql("select count(*) from outgoing_webhook where project_id = ?")
                .param(access.projectId())
                .query(Long.class)
                .single();
        if (count >= MAXIMUM_WEBHOOKS) {
            throw new Conflict(
                    "Too many outgoing webhooks",
                    "Project " + access.key() + " has " + count + " outgoing webhooks, the most it may have;"
                            + " delete one first.");
        }
        String secret = WebhookSecrets.generate();
        long id = jdbc.sql("""
                insert into outgoing_webhook (project_id, name, url, secret, secret_hint, events, active,
                created_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        access.projectId(),
                        name,
                        url,
                        secrets.seal(secret),
                        WebhookSecrets.hint(secret),
                        events.toArray(String[]::new),
                        body.active() == null || body.active(),
                        user.id())
                .query(Long.class)
                .single();
        return new CreatedOutgoingWebhook(find(access, id), secret, SIGNATURE_HEADER);
    }

    @Transactional
    OutgoingWebhook update(CurrentUser user, String projectRef, long id, OutgoingWebhookChanges changes) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        OutgoingWebhook current = find(access, id);
        var problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: the webhook's version as you last read it");
        }
        String name = changes.name() == null ? current.name() : checkName(changes.name(), problems);
        String url = changes.url() == null ? current.url() : checkUrl(changes.url(), problems);
        List<String> events = changes.events() == null ? current.events() : checkEvents(changes.events(), problems);
        boolean active = changes.active() == null ? current.active() : changes.active();
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update outgoing_webhook set name = ?, url = ?, events = ?, active = ?, updated_at = now(),
                version = version + 1 where id = ? and project_id = ? and version = ?
                """)
                .params(name, url, events.toArray(String[]::new), active, id, access.projectId(), changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The outgoing webhook", current);
        }
        return find(access, id);
    }

    @Transactional
    CreatedOutgoingWebhook rotate(CurrentUser user, String projectRef, long id, SecretRotation body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null || body.version() == null) {
            throw new InvalidInput("version", "is required: the webhook's version as you last read it");
        }
        OutgoingWebhook current = find(access, id);
        String secret = WebhookSecrets.generate();
        int updated = jdbc.sql("""
                update outgoing_webhook set secret = ?, secret_hint = ?, updated_at = now(),
                version = version + 1 where id = ? and project_id = ? and version = ?
                """)
                .params(secrets.seal(secret), WebhookSecrets.hint(secret), id, access.projectId(), body.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The outgoing webhook", current);
        }
        return new CreatedOutgoingWebhook(find(access, id), secret, SIGNATURE_HEADER);
    }

    @Transactional
    void delete(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        find(access, id);
        jdbc.sql("delete from outgoing_webhook where id = ? and project_id = ?")
                .params(id, access.projectId())
                .update();
    }

    /** The newest deliveries first, at most 100; {@code state} narrows them (PENDING, DELIVERED, FAILED). */
    @Transactional(readOnly = true)
    List<OutgoingDelivery> deliveries(CurrentUser user, String projectRef, long id, String state) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        find(access, id);
        return deliveries(id, state, 0, LOG_SIZE);
    }

    /** A page of the delivery log (the Integrations page), newest first: {@code page} counts from 0. */
    record DeliveryPage(List<OutgoingDelivery> deliveries, int page, int pageSize, long total) {}

    @Transactional(readOnly = true)
    DeliveryPage deliveryPage(CurrentUser user, String projectRef, long id, int page, int pageSize) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        find(access, id);
        long total = jdbc.sql("select count(*) from outgoing_delivery where webhook_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        // A page past the end (the log shrank, or a hand-made address) shows the last one.
        int last = total == 0 ? 0 : (int) ((total - 1) / pageSize);
        int shown = Math.max(0, Math.min(page, last));
        return new DeliveryPage(deliveries(id, null, (long) shown * pageSize, pageSize), shown, pageSize, total);
    }

    private List<OutgoingDelivery> deliveries(long id, String state, long offset, int limit) {
        String wanted = null;
        if (state != null && !state.isBlank()) {
            wanted = state.strip().toUpperCase(Locale.ROOT);
            if (!Set.of("PENDING", "DELIVERED", "FAILED").contains(wanted)) {
                throw new InvalidInput("state", "must be pending, delivered or failed");
            }
        }
        return jdbc.sql(DELIVERY + " where webhook_id = :webhook and (cast(:state as text) is null or state = :state)"
                        + " order by id desc limit :limit offset :offset")
                .param("webhook", id)
                .param("state", wanted)
                .param("limit", limit)
                .param("offset", offset)
                .query(OutgoingWebhookService::delivery)
                .list();
    }

    /**
     * Sends a delivery again, with the same body and delivery id (a receiver that already has it can tell):
     * back in the queue for now, its attempts counted afresh. 409 while it is still waiting to be sent.
     */
    @Transactional
    OutgoingDelivery redeliver(CurrentUser user, String projectRef, long id, long deliveryId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        OutgoingWebhook webhook = find(access, id);
        OutgoingDelivery delivery = jdbc.sql(DELIVERY + " where id = ? and webhook_id = ? for update")
                .params(deliveryId, id)
                .query(OutgoingWebhookService::delivery)
                .optional()
                .orElseThrow(() -> new NotFound("There is no delivery " + deliveryId + " of outgoing webhook " + id
                        + " in project " + access.key() + "."));
        if (delivery.state().equals("PENDING")) {
            throw new Conflict(
                    "Already queued",
                    "Delivery " + deliveryId + " is waiting for its next attempt at " + delivery.nextAttemptAt()
                            + "; it is sent then.");
        }
        if (!webhook.active()) {
            throw new Conflict(
                    "Webhook turned off", "Outgoing webhook " + id + " is turned off: turn it on to send deliveries.");
        }
        jdbc.sql("""
                update outgoing_delivery set state = 'PENDING', attempts = 0, next_attempt_at = clock_timestamp(),
                claimed_until = null where id = ?
                """).param(deliveryId).update();
        return jdbc.sql(DELIVERY + " where id = ?")
                .param(deliveryId)
                .query(OutgoingWebhookService::delivery)
                .single();
    }

    @Transactional(readOnly = true)
    OutgoingSettings settings(CurrentUser caller) {
        requireAdmin(caller);
        return settings();
    }

    @Transactional
    OutgoingSettings changeSettings(CurrentUser caller, OutgoingSettingsChanges changes) {
        requireAdmin(caller);
        var problems = new InvalidInput.Collector();
        if (changes == null || changes.allowPrivateAddresses() == null) {
            problems.add("allowPrivateAddresses", "is required: true or false");
        }
        if (changes == null || changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        OutgoingSettings before = settings();
        int updated = jdbc.sql("""
                update outgoing_webhook_settings set allow_private_addresses = ?, updated_at = now(),
                version = version + 1 where id = 1 and version = ?
                """)
                .params(changes.allowPrivateAddresses(), changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The outgoing webhook settings", before);
        }
        return settings();
    }

    OutgoingSettings settings() {
        return jdbc.sql("select allow_private_addresses, version from outgoing_webhook_settings where id = 1")
                .query((rs, n) -> new OutgoingSettings(rs.getBoolean(1), rs.getInt(2)))
                .optional()
                .orElse(new OutgoingSettings(false, 0));
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.systemAdmin()) {
            throw new Forbidden("Only a system admin can see and change the outgoing webhook settings.");
        }
    }

    private String checkUrl(String url, InvalidInput.Collector problems) {
        String problem = OutgoingAddresses.problem(url, settings().allowPrivateAddresses());
        if (problem != null) {
            problems.add("url", problem);
            return null;
        }
        return url.strip();
    }

    private static String checkName(String name, InvalidInput.Collector problems) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            problems.add("name", "must not be blank");
        } else if (stripped.length() > MAXIMUM_NAME) {
            problems.add("name", "must be at most " + MAXIMUM_NAME + " characters long");
        } else if (stripped.indexOf('\0') >= 0) {
            problems.add("name", "must not contain NUL characters");
        }
        return stripped;
    }

    private static List<String> checkEvents(List<String> events, InvalidInput.Collector problems) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String event : events) {
            String normal = event == null ? "" : event.strip().toLowerCase(Locale.ROOT);
            if (!EVENTS.contains(normal)) {
                problems.add("events", "can name task, milestone and schedule; not " + event);
            } else {
                chosen.add(normal);
            }
        }
        if (events.isEmpty()) {
            problems.add("events", "must name at least one of task, milestone and schedule");
        }
        return new ArrayList<>(chosen);
    }

    private OutgoingWebhook find(ProjectAccess access, long id) {
        return jdbc.sql(SELECT + " and w.id = :id")
                .param("project", access.projectId())
                .param("id", id)
                .query(OutgoingWebhookService::webhook)
                .optional()
                .orElseThrow(
                        () -> new NotFound("There is no outgoing webhook " + id + " in project " + access.key() + "."));
    }

    private static OutgoingWebhook webhook(ResultSet rs, int row) throws SQLException {
        return new OutgoingWebhook(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("url"),
                Arrays.asList((String[]) rs.getArray("events").getArray()),
                rs.getBoolean("active"),
                rs.getString("secret_hint"),
                rs.getLong("pending"),
                rs.getLong("delivered"),
                rs.getLong("failed"),
                instant(rs, "last_attempt"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    static OutgoingDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new OutgoingDelivery(
                rs.getLong("id"),
                rs.getString("delivery_id"),
                rs.getString("event"),
                rs.getString("state"),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                instant(rs, "delivered_at"),
                rs.getString("payload"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
