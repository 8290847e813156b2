package org.gantry.server.project;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one lock per project that serialises the writes whose reads must not interleave: outline and board
 * rank edits, reschedules, imports, webhook limits, approving a change request. A PostgreSQL advisory lock
 * held until the caller's transaction ends, so it holds across server instances (never a JVM lock) and is
 * released by commit or rollback alone.
 */
@Component
public class ProjectLock {

    private static final String LOCK = """
            select pg_advisory_xact_lock(?)
            """;

    private final JdbcClient jdbc;

    ProjectLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits for the project's lock and holds it until the caller's transaction ends; outside a transaction it
     * would be released at once, so every caller runs in one. A transaction that already holds it does not
     * ask again (an edit passes through several steps that each need it: access, outline, reschedule). This
     * holds because the server takes no savepoints: a lock taken after a savepoint that is rolled back to
     * would be released with it.
     */
    public void lock(long projectId) {
        Set<Long> held = heldByThisTransaction();
        if (held != null && held.contains(projectId)) {
            return;
        }
        jdbc.sql(LOCK).param(projectId).query(rs -> {});
        if (held != null) {
            held.add(projectId);
        }
    }

    /**
     * The projects locked in the current transaction, forgotten when it ends and set aside while a transaction
     * of its own (REQUIRES_NEW, another connection that holds none of them) runs inside it; null outside a
     * transaction.
     */
    @SuppressWarnings("unchecked")
    private Set<Long> heldByThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Set<Long> held = (Set<Long>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            Set<Long> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProjectLock.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(ProjectLock.this, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProjectLock.this);
                }
            });
            held = fresh;
        }
        return held;
    }
}
