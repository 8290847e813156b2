package org.gantry.server.collaboration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hourly sweep of attachment files no row refers to (a db-scheduler task: one instance runs it). */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

    @Bean
    RecurringTask<Void> attachmentSweepTask(
            AttachmentSweep sweep, @Value("${gantry.attachment.sweep-interval:1h}") Duration interval) {
        return Tasks.recurring("attachment-sweep", FixedDelay.of(interval))
                .execute((instance, context) -> sweep.sweep(AttachmentSweep.GRACE));
    }
}
