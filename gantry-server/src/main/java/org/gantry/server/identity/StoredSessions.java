package org.gantry.server.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Browser sessions live in PostgreSQL (Spring Session JDBC, tables from V170), so every instance behind
 * a load balancer knows every login, and what one instance ends (a logout, a password change) is ended on
 * all. Each stored session is indexed by the id of its signed-in user rather than by the e-mail (which can
 * change, and which single sign-on does not use as the principal's name): {@link #endSessionsOf} deletes
 * that user's sessions in one statement, in the transaction of the change that ends them.
 *
 * <p>Expired sessions are removed by a db-scheduler recurring task (one instance at a time, state in
 * {@code scheduled_tasks}) rather than Spring Session's own cron, which every instance would run.
 */
@Component
class StoredSessions {

    private final JdbcClient jdbc;

    StoredSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ends every stored session of the user except the one the current request runs in (after a password
     * change that session goes on; an admin's own session is never the user's). The sessions' next request,
     * on any instance, finds no session and is asked to log in.
     */
    void endSessionsOf(long userId) {
        jdbc.sql("delete from spring_session where principal_name = ? and session_id is distinct from ?")
                .params(String.valueOf(userId), currentSessionId())
                .update();
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }

    /** The user id a session is signed in as, for the principal_name column; none before sign-in. */
    static Map<String, String> userIndex(Session session) {
        Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = stored instanceof SecurityContext context ? context.getAuthentication() : null;
        if (authentication != null && authentication.getPrincipal() instanceof GantryUserDetails details) {
            return Map.of(
                    FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                    String.valueOf(details.user().id()));
        }
        return Map.of();
    }

    @Configuration(proxyBeanMethods = false)
    static class Setup {

        /**
         * Session reads and writes run in transactions of their own that do not ask who the caller is: the
         * application's transaction manager does (for the activity log), and asking means loading the
         * session, which would begin another such transaction, and so on until the pool is empty. Only
         * Spring Session takes this manager (by its qualifier); everything else keeps the application's.
         */
        @Bean(defaultCandidate = false)
        @SpringSessionTransactionManager
        PlatformTransactionManager sessionTransactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }

        @Bean
        SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsIndexedByUser() {
            IndexResolver<Session> byUser = StoredSessions::userIndex;
            return repository -> repository.setIndexResolver(byUser);
        }

        @Bean
        RecurringTask<Void> expiredSessionCleanupTask(JdbcIndexedSessionRepository sessions) {
            return Tasks.recurring("expired-sessions", FixedDelay.of(Duration.ofMinutes(1)))
                    .execute((instance, context) -> sessions.cleanUpExpiredSessions());
        }
    }
}
