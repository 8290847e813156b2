package org.gantry.server.project;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
     * would be released at once, so every caller runs in one.
     */
    public void lock(long projectId) {
        jdbc.sql(LOCK).param(projectId).query(rs -> {});
    }
}
