package org.gantry.server.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP connection (only when {@code GANTRY_SMTP_HOST} is set: without it nothing is mailed) and the
 * batch job. The job is a db-scheduler recurring task: its state lives in the {@code scheduled_tasks}
 * table, so with several instances exactly one runs it each time.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    @ConditionalOnExpression("!'${gantry.smtp.host:}'.isBlank()")
    JavaMailSender notificationMailSender(
            @Value("${gantry.smtp.host}") String host,
            @Value("${gantry.smtp.port:25}") int port,
            @Value("${gantry.smtp.user:}") String user,
            @Value("${gantry.smtp.password:}") String password,
            @Value("${gantry.smtp.timeout:10s}") Duration timeout) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        if (!user.isBlank()) {
            sender.setUsername(user);
            sender.setPassword(password);
            properties.put("mail.smtp.auth", "true");
            properties.put("mail.smtp.starttls.enable", "true");
        }
        // A hanging SMTP server must not hold a sender thread for ever.
        String millis = String.valueOf(timeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        return sender;
    }

    @Bean
    RecurringTask<Void> notificationBatchTask(
            NotificationMail mail, @Value("${gantry.notifications.batch-interval:5m}") Duration interval) {
        return Tasks.recurring("notification-mail", FixedDelay.of(interval))
                .execute((instance, context) -> mail.runBatch());
    }
}
