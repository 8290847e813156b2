package org.gantry.server.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications table: storing new ones inside the edit's transaction (by each person's preferences)
 * and what their recipients do with them. A person sees only their own notifications, and only of
 * projects they can still read. Unread means not read and not snoozed (a snoozed one comes back as
 * unread when its time comes).
 */
@Service
class Notifications {

    private static final String COLUMNS = "n.id, n.reason, n.title, n.detail, n.cause, n.actor_id, a.name,"
            + " n.project_id, p.project_key, n.task_id, n.link, n.created_at, n.read_at, n.snoozed_until, n.version";
    private static final String VISIBLE = " from notification n join project p on p.id = n.project_id"
            + " left join app_user a on a.id = n.actor_id"
            + " where n.user_id = ? and n.in_app and (? or exists (select 1 from project_member m"
            + " where m.project_id = n.project_id and m.user_id = n.user_id))";
    private static final String UNREAD =
            " and n.read_at is null and (n.snoozed_until is null or n.snoozed_until <= now())";

    /** Published after storing notifications that are to be mailed right away (see {@link NotificationMail}). */
    record MailNow(List<Long> notificationIds) {}

    private final JdbcClient jdbc;
    private final Preferences preferences;
    private final NotificationMail mail;
    private final ApplicationEventPublisher events;

    Notifications(JdbcClient jdbc, Preferences preferences, NotificationMail mail, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.mail = mail;
        this.events = events;
    }

    /**
     * Stores the drafts of one project, each as its recipient prefers (a kind they turned off in the app
     * and by e-mail is not stored at all). Runs inside the edit's transaction: the notifications exist
     * exactly when the edit does; mails go out only after it commits.
     */
    void store(long projectId, List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        Set<Long> users = new HashSet<>();
        for (Draft draft : drafts) {
            users.add(draft.userId());
        }
        Map<Long, Map<Reason, Preferences.Choice>> choices = preferences.choices(projectId, users);
        boolean mailing = mail.enabled();
        int size = drafts.size();
        List<Long> userIds = new ArrayList<>(size);
        List<Long> taskIds = new ArrayList<>(size);
        List<String> reasons = new ArrayList<>(size);
        List<String> titles = new ArrayList<>(size);
        List<String> details = new ArrayList<>(size);
        List<String> causes = new ArrayList<>(size);
        List<Long> actors = new ArrayList<>(size);
        List<Boolean> inApp = new ArrayList<>(size);
        List<String> states = new ArrayList<>(size);
        List<String> links = new ArrayList<>(size);
        for (Draft draft : drafts) {
            Preferences.Choice choice = choices.get(draft.userId()).get(draft.reason());
            EmailDelivery email = mailing ? choice.email() : EmailDelivery.OFF;
            if (!choice.inApp() && email == EmailDelivery.OFF) {
                continue;
            }
            userIds.add(draft.userId());
            taskIds.add(draft.taskId());
            reasons.add(draft.reason().name());
            titles.add(draft.title());
            details.add(draft.detail() == null ? "" : draft.detail());
            causes.add(draft.cause() == null ? "" : draft.cause());
            actors.add(draft.actorId());
            inApp.add(choice.inApp());
            states.add(email == EmailDelivery.OFF ? "NONE" : email.name());
            links.add(draft.link());
        }
        if (userIds.isEmpty()) {
            return;
        }
        List<Long> immediate = new ArrayList<>();
        jdbc.sql("insert into notification (user_id, project_id, task_id, reason, title, detail, cause, actor_id, link,"
                        + " in_app, email_state, email_next_at)"
                        + " select u.user_id, p.id, u.task_id, u.reason, u.title, u.detail, u.cause, u.actor_id,"
                        + " coalesce(u.link, '/projects/' || p.project_key || '/list' || coalesce('?task=' || u.task_id, '')),"
                        + " u.in_app, u.state, now()"
                        + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
                        + " ?::boolean[], ?::text[], ?::text[]) as u(user_id, task_id, reason, title, detail, cause, actor_id,"
                        + " in_app, state, link) join project p on p.id = ? join app_user r on r.id = u.user_id and r.active"
                        // Only people who can read the project are told anything about it.
                        + " where r.system_admin or exists (select 1 from project_member m where m.project_id = p.id"
                        + " and m.user_id = u.user_id) returning id, email_state")
                .params(
                        userIds.toArray(Long[]::new),
                        taskIds.toArray(Long[]::new),
                        reasons.toArray(String[]::new),
                        titles.toArray(String[]::new),
                        details.toArray(String[]::new),
                        causes.toArray(String[]::new),
                        actors.toArray(Long[]::new),
                        inApp.toArray(Boolean[]::new),
                        states.toArray(String[]::new),
                        links.toArray(String[]::new),
                        projectId)
                .query(rs -> {
                    if (rs.getString(2).equals("IMMEDIATE")) {
                        immediate.add(rs.getLong(1));
                    }
                });
        if (!immediate.isEmpty()) {
            events.publishEvent(new MailNow(immediate));
        }
    }

    @Transactional(readOnly = true)
    public NotificationList list(CurrentUser user, boolean unreadOnly, int page, int size) {
        var problems = new InvalidInput.Collector();
        if (page < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (size < 1 || size > 200) {
            problems.add("size", "must be between 1 and 200");
        }
        problems.throwIfAny();
        String where = VISIBLE + (unreadOnly ? UNREAD : "");
        long total = jdbc.sql("select count(*)" + where)
                .params(user.id(), user.systemAdmin())
                .query(Long.class)
                .single();
        List<Notification> items = jdbc.sql(
                        "select " + COLUMNS + where + " order by n.created_at desc, n.id desc" + " limit ? offset ?")
                .params(user.id(), user.systemAdmin(), size, (long) page * size)
                .query((rs, n) -> notification(rs))
                .list();
        return new NotificationList(items, page, size, total, unreadCount(user));
    }

    @Transactional(readOnly = true)
    public long unreadCount(CurrentUser user) {
        return jdbc.sql("select count(*)" + VISIBLE + UNREAD)
                .params(user.id(), user.systemAdmin())
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public Notification get(CurrentUser user, long id) {
        return jdbc.sql("select " + COLUMNS + VISIBLE + " and n.id = ?")
                .params(user.id(), user.systemAdmin(), id)
                .query((rs, n) -> notification(rs))
                .optional()
                .orElseThrow(() -> new NotFound("You have no notification " + id + "."));
    }

    /** Marks one notification read or unread, or snoozes it until a time (or wakes it). */
    @Transactional
    public Notification change(CurrentUser user, long id, NotificationChange change) {
        Notification current = get(user, id);
        var problems = new InvalidInput.Collector();
        List<String> clear = change.clear() == null ? List.of() : change.clear();
        for (String field : clear) {
            if (!"snoozedUntil".equals(field)) {
                problems.add("clear", "can name snoozedUntil; not " + field);
            }
        }
        if (change.read() == null && change.snoozedUntil() == null && clear.isEmpty()) {
            problems.add("read", "send read (true or false), snoozedUntil (an instant) or clear: [\"snoozedUntil\"]");
        }
        if (change.snoozedUntil() != null && !change.snoozedUntil().isAfter(Instant.now())) {
            problems.add("snoozedUntil", "must be in the future");
        }
        PlanDates.check("snoozedUntil", change.snoozedUntil(), problems);
        problems.throwIfAny();
        if (change.version() != null && change.version() != current.version()) {
            throw new StaleVersion("Notification " + id, current);
        }
        Timestamp readAt = change.read() == null
                ? (current.readAt() == null ? null : Timestamp.from(current.readAt()))
                : change.read() ? Timestamp.from(current.readAt() == null ? Instant.now() : current.readAt()) : null;
        Instant snoozed = clear.contains("snoozedUntil")
                ? null
                : change.snoozedUntil() == null ? current.snoozedUntil() : change.snoozedUntil();
        // Snoozing a notification makes it unread again when it wakes.
        if (change.snoozedUntil() != null && change.read() == null) {
            readAt = null;
        }
        jdbc.sql("update notification set read_at = ?, snoozed_until = ?, version = version + 1 where id = ?")
                .params(readAt, snoozed == null ? null : Timestamp.from(snoozed), id)
                .update();
        return get(user, id);
    }

    /** Marks every unread notification of the person read; answers how many. */
    @Transactional
    public int markAllRead(CurrentUser user) {
        return jdbc.sql("""
                update notification set read_at = now(), version = version + 1
                where user_id = ? and in_app and read_at is null
                """).param(user.id()).update();
    }

    private static Notification notification(ResultSet rs) throws SQLException {
        long actor = rs.getLong(6);
        Long actorId = rs.wasNull() ? null : actor;
        long task = rs.getLong(10);
        Long taskId = rs.wasNull() ? null : task;
        Reason reason = Reason.valueOf(rs.getString(2));
        Instant readAt = instant(rs, 13);
        Instant snoozed = instant(rs, 14);
        boolean unread = readAt == null && (snoozed == null || !snoozed.isAfter(Instant.now()));
        return new Notification(
                rs.getLong(1),
                reason,
                reason.label(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                actorId,
                rs.getString(7),
                rs.getLong(8),
                rs.getString(9),
                taskId,
                rs.getString(11),
                instant(rs, 12),
                readAt,
                snoozed,
                unread,
                rs.getInt(15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
