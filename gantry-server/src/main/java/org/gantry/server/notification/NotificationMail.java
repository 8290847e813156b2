package org.gantry.server.notification;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends notifications by e-mail. Mentions and assignments go right after the edit commits (never inside
 * it: a slow or failing SMTP server never slows or fails an edit), on a small thread pool of this
 * instance; a failure leaves the row waiting with a later retry time, and the batch job retries it. The
 * batch job (run by db-scheduler on one instance at a time, every few minutes) also sends each person
 * one mail of everything waiting for the batch, and their daily digest once its local time has passed.
 * Every send first claims its rows with a conditional update (and {@code FOR UPDATE SKIP LOCKED} for the
 * batches), so two instances or the job and an after-commit send never mail the same notification twice.
 * Nothing is sent when no SMTP host is configured (rows are then stored without e-mail).
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);
    private static final int MAX_ATTEMPTS = 8;
    /** A claim older than this belongs to a sender that died; its rows go out with the next batch. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> senders;
    private final Environment environment;
    private final String from;
    private final String baseUrl;
    private final Duration retryDelay;
    private final ExecutorService sending =
            new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "notification-mail");
                thread.setDaemon(true);
                return thread;
            });

    NotificationMail(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> senders,
            Environment environment,
            @Value("${gantry.smtp.from:gantry@localhost}") String from,
            @Value("${gantry.base-url:}") String baseUrl,
            @Value("${gantry.notifications.retry-delay:1m}") Duration retryDelay) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.environment = environment;
        this.from = from;
        this.baseUrl = baseUrl;
        this.retryDelay = retryDelay;
    }

    boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(Notifications.MailNow due) {
        try {
            sending.execute(() -> sendEach(due.notificationIds()));
        } catch (RejectedExecutionException e) {
            // The batch job picks them up: they are still waiting in the table.
            log.warn(
                    "Mail queue full; {} notifications wait for the next batch",
                    due.notificationIds().size());
        }
    }

    @PreDestroy
    void stop() {
        sending.shutdown();
    }

    /** One run of the batch job: retries, batches, digests. */
    void runBatch() {
        if (!enabled()) {
            return;
        }
        jdbc.sql("""
                update notification set email_state = 'BATCH', email_claimed_at = null
                where email_state = 'SENDING' and email_claimed_at < ?
                """).param(Timestamp.from(Instant.now().minus(STALE_CLAIM))).update();
        List<Long> retries = jdbc.sql("""
                select id from notification where email_state = 'IMMEDIATE'
                and email_next_at <= now() order by id limit 500
                """).query(Long.class).list();
        sendEach(retries);
        sendGrouped("BATCH", null);
        List<Long> waiting = jdbc.sql("select distinct user_id from notification where email_state = 'DIGEST'")
                .query(Long.class)
                .list();
        for (long userId : waiting) {
            Instant due = digestDue(userId);
            if (due != null) {
                sendGrouped("DIGEST", userId);
                jdbc.sql("""
                        insert into notification_setting (user_id, last_digest_at) values (?, now())
                        on conflict (user_id) do update set last_digest_at = now()
                        """).param(userId).update();
            }
        }
    }

    /** When the person's digest of today was due, if it was and has not gone out since; else null. */
    private Instant digestDue(long userId) {
        Object[] setting = jdbc.sql("""
                select digest_time, time_zone, last_digest_at from notification_setting
                where user_id = ?
                """)
                .param(userId)
                .query((rs, n) -> new Object[] {rs.getObject(1, LocalTime.class), rs.getString(2), rs.getTimestamp(3)})
                .optional()
                .orElse(new Object[] {LocalTime.of(8, 0), "UTC", null});
        ZoneId zone = ZoneId.of((String) setting[1]);
        ZonedDateTime now = ZonedDateTime.now(zone);
        Instant due = ZonedDateTime.of(LocalDate.now(zone), (LocalTime) setting[0], zone)
                .toInstant();
        Timestamp last = (Timestamp) setting[2];
        if (now.toInstant().isBefore(due) || (last != null && !last.toInstant().isBefore(due))) {
            return null;
        }
        return due;
    }

    /** Sends each notification in its own mail (mentions, assignments, retries). */
    private void sendEach(List<Long> ids) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null || ids.isEmpty()) {
            return;
        }
        List<Long> claimed =
                jdbc.sql("""
                update notification set email_state = 'SENDING', email_claimed_at = now()
                where id = any(?) and email_state = 'IMMEDIATE' returning id
                """).param(ids.toArray(Long[]::new)).query(Long.class).list();
        for (MailItem item : items(claimed)) {
            if (!item.canRead()) {
                finish(List.of(item.id()), "DROPPED");
                continue;
            }
            try {
                sender.send(message(item.email(), "[" + item.projectKey() + "] " + item.title(), body(List.of(item))));
                finish(List.of(item.id()), "SENT");
            } catch (RuntimeException e) {
                failed(List.of(item.id()), "IMMEDIATE", e);
            }
        }
    }

    /** Sends one mail per person of everything waiting in {@code state} (of {@code onlyUser} when given). */
    private void sendGrouped(String state, Long onlyUser) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return;
        }
        List<Long> claimed = jdbc.sql("update notification set email_state = 'SENDING', email_claimed_at = now()"
                        + " where id in (select id from notification where email_state = ? and email_next_at <= now()"
                        + (onlyUser == null ? "" : " and user_id = " + onlyUser)
                        + " order by id limit 2000 for update skip locked) returning id")
                .param(state)
                .query(Long.class)
                .list();
        Map<Long, List<MailItem>> byPerson = new LinkedHashMap<>();
        for (MailItem item : items(claimed)) {
            if (!item.canRead()) {
                finish(List.of(item.id()), "DROPPED");
                continue;
            }
            byPerson.computeIfAbsent(item.userId(), k -> new ArrayList<>()).add(item);
        }
        for (List<MailItem> items : byPerson.values()) {
            List<Long> ids = items.stream().map(MailItem::id).toList();
            String subject = (state.equals("DIGEST") ? "[Gantry] Your daily digest: " : "[Gantry] ")
                    + items.size()
                    + (items.size() == 1 ? " update" : " updates");
            try {
                sender.send(message(items.get(0).email(), subject, body(items)));
                finish(ids, "SENT");
            } catch (RuntimeException e) {
                failed(ids, state, e);
            }
        }
    }

    private record MailItem(
            long id,
            long userId,
            String email,
            String projectKey,
            Reason reason,
            String title,
            String detail,
            String cause,
            String link,
            boolean canRead) {}

    private List<MailItem> items(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select n.id, n.user_id, u.email, p.project_key, n.reason, n.title, n.detail, n.cause, n.link,
                u.active and (u.system_admin or exists (select 1 from project_member m
                where m.project_id = n.project_id and m.user_id = n.user_id))
                from notification n join app_user u on u.id = n.user_id join project p on p.id = n.project_id
                where n.id = any(?) order by n.user_id, n.id
                """)
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> new MailItem(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        Reason.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10)))
                .list();
    }

    private SimpleMailMessage message(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        return message;
    }

    private String body(List<MailItem> items) {
        StringBuilder text = new StringBuilder();
        for (MailItem item : items) {
            text.append(item.title()).append("\n");
            text.append("Why: ")
                    .append(item.reason().label())
                    .append(" (")
                    .append(item.reason().description())
                    .append(")\n");
            if (!item.detail().isBlank()) {
                text.append(item.detail()).append("\n");
            }
            if (!item.cause().isBlank()) {
                text.append("Cause: ").append(item.cause()).append("\n");
            }
            text.append("Open it: ").append(base()).append(item.link()).append("\n\n");
        }
        text.append("-- \nGantry. Choose what you get and when: ")
                .append(base())
                .append("/notifications/preferences\n");
        return text.toString();
    }

    private String base() {
        if (!baseUrl.isBlank()) {
            return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private void finish(List<Long> ids, String state) {
        jdbc.sql("""
                update notification set email_state = ?, emailed_at = case when ? = 'SENT' then now() end,
                email_claimed_at = null where id = any(?)
                """).params(state, state, ids.toArray(Long[]::new)).update();
    }

    private void failed(List<Long> ids, String state, Exception e) {
        log.warn("Could not send {} notification mail(s), will retry: {}", ids.size(), e.getMessage());
        jdbc.sql("""
                update notification set email_attempts = email_attempts + 1, email_claimed_at = null,
                email_state = case when email_attempts + 1 >= ? then 'DROPPED' else ? end,
                email_next_at = now() + (? * (email_attempts + 1)) * interval '1 millisecond'
                where id = any(?)
                """)
                .params(MAX_ATTEMPTS, state, retryDelay.toMillis(), ids.toArray(Long[]::new))
                .update();
    }
}
