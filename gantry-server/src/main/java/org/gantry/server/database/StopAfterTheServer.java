package org.gantry.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded-PostgreSQL library registers a JVM shutdown hook that stops the database at once. JVM
 * shutdown hooks run side by side, so on a stop (SIGTERM) the database went down while Spring's own hook
 * was still letting the requests in flight finish (graceful shutdown): those requests failed. The library
 * has no switch for its hook and does not keep it, but its hook only calls {@code close()}, which does
 * nothing once the instance's {@code closed} flag is set. So the flag is set right after the start, and
 * cleared again when the application closes the database itself, after the web server and the pool
 * ({@link DatabaseConfiguration.DatabaseServer#close()}). Should the JVM end without closing the
 * application context, the next start stops the PostgreSQL left running ({@link OrphanedPostmaster}).
 */
final class StopAfterTheServer {

    private static final Logger log = LoggerFactory.getLogger(StopAfterTheServer.class);

    private StopAfterTheServer() {}

    /** The library's closed flag, now set; null (the library's hook left as it is) if it cannot be found. */
    static AtomicBoolean disarmLibraryHook(EmbeddedPostgres postgres) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("closed");
            field.setAccessible(true);
            AtomicBoolean closed = (AtomicBoolean) field.get(postgres);
            closed.set(true);
            return closed;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn(
                    "The embedded PostgreSQL will stop as soon as the JVM is asked to, before requests in"
                            + " flight finish ({})",
                    e.toString());
            return null;
        }
    }
}
