package org.gantry.server.report;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job that mails due status digests: a db-scheduler recurring task (state in {@code scheduled_tasks}), so
 * with several servers one runs it at a time, and it survives restarts. Each digest is also claimed by a
 * compare-and-set on its own row (see {@link StatusDigestService#sendDue}). Every minute by default, so a
 * digest leaves within a minute of its time.
 */
@Configuration(proxyBeanMethods = false)
class StatusDigestConfiguration {

    @Bean
    RecurringTask<Void> statusDigestTask(
            StatusDigestService digests, @Value("${gantry.digests.interval:1m}") Duration interval) {
        return Tasks.recurring("status-digests", FixedDelay.of(interval))
                .execute((instance, context) -> digests.sendDue());
    }
}
