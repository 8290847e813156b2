package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;
import org.gantry.server.project.ProjectLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction asks PostgreSQL for its project's lock once and remembers it holds it; a transaction of its
 * own started inside (another connection, which holds nothing) must still ask, and so wait for the outer.
 */
class ProjectLockIT extends ApiIntegrationTest {

    @Autowired
    ProjectLock projectLock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aTransactionHoldsTheLockAfterAskingOnceAndAnInnerTransactionOfItsOwnStillWaitsForIt() {
        long project = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            projectLock.lock(project);
            projectLock.lock(project);
            assertThat(advisoryLocksHeld(project)).as("held").isEqualTo(1);

            assertThatThrownBy(() -> inner.executeWithoutResult(innerStatus -> {
                        jdbc.sql("set local lock_timeout = '300ms'").update();
                        projectLock.lock(project);
                    }))
                    .as("the inner transaction asked PostgreSQL, and the outer one holds the lock")
                    .isInstanceOf(DataAccessException.class);

            projectLock.lock(project);
            assertThat(advisoryLocksHeld(project))
                    .as("still held by the outer, once")
                    .isEqualTo(1);
        });
        assertThat(advisoryLocksHeld(project))
                .as("released with the transaction")
                .isZero();
    }

    private long advisoryLocksHeld(long project) {
        return jdbc.sql("""
                select count(*) from pg_locks
                where locktype = 'advisory' and granted and objid::bigint = (? & 4294967295) and classid::bigint = (? >> 32)
                """).params(project, project).query(Long.class).single();
    }
}
