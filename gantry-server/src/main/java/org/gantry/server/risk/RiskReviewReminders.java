package org.gantry.server.risk;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds each risk's owner when its next review date comes. The job looks every hour (a review date is a
 * day in the project's time zone, and projects live in different ones) and tells the owner of every open
 * or monitored risk whose review date is today or past, once per review date: the claim is recorded in
 * {@code risk_review_reminder} in the same transaction as the notification, so a second look, or a
 * second instance, finds nothing left to tell. The notification module turns {@link RiskReviewDue} into the
 * bell and the e-mail.
 */
@Component
class RiskReviewReminders {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    RiskReviewReminders(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Claims every reminder due now and announces each; answers how many. */
    @Transactional
    public int remindDue() {
        List<RiskReviewDue> due = jdbc.sql("""
                with due as (insert into risk_review_reminder (risk_id, review_date)
                select r.id, r.review_date from risk r join project p on p.id = r.project_id
                where r.review_date is not null and r.owner_id is not null
                and r.status in ('OPEN', 'MONITORING') and not p.archived
                and r.review_date <= (now() at time zone p.time_zone)::date
                on conflict (risk_id) do update set review_date = excluded.review_date, reminded_at = now()
                where risk_review_reminder.review_date <> excluded.review_date
                returning risk_id)
                select r.project_id, p.project_key, r.id, r.title, r.owner_id, r.review_date,
                (now() at time zone p.time_zone)::date
                from due join risk r on r.id = due.risk_id join project p on p.id = r.project_id
                order by r.project_id, r.id
                """)
                .query((rs, n) -> new RiskReviewDue(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class)))
                .list();
        due.forEach(events::publishEvent);
        return due.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {
        /** A db-scheduler recurring task: its state is in the database, so one instance runs it at a time. */
        @Bean
        RecurringTask<Void> riskReviewReminderTask(
                RiskReviewReminders reminders,
                @Value("${gantry.risks.review-reminder-interval:1h}") Duration interval) {
            return Tasks.recurring("risk-review-reminders", FixedDelay.of(interval))
                    .execute((instance, context) -> reminders.remindDue());
        }
    }
}
