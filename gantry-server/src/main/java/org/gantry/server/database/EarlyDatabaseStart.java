package org.gantry.server.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a background thread as soon as the configuration is known, so
 * it boots while Spring builds the rest of the application (saves several seconds of start-up). The
 * database bean takes the started server; without this listener the bean starts it itself. When the
 * start fails before the bean took it, the server is stopped here (PostgreSQL runs as a separate
 * process that would otherwise outlive the JVM).
 */
public class EarlyDatabaseStart implements ApplicationListener<ApplicationEvent> {

    private static final AtomicReference<Started> STARTED = new AtomicReference<>();

    record Started(DatabaseSettings settings, CompletableFuture<DatabaseConfiguration.DatabaseServer> server) {}

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            environmentPrepared(prepared);
        } else if (event instanceof ApplicationFailedEvent) {
            Started untaken = STARTED.getAndSet(null);
            if (untaken != null) {
                try {
                    untaken.server().join().closeQuietly();
                } catch (RuntimeException e) {
                    // The start itself failed and cleaned up after itself.
                }
            }
        }
    }

    private void environmentPrepared(ApplicationEnvironmentPreparedEvent event) {
        DatabaseSettings settings = DatabaseSettings.from(event.getEnvironment());
        if (settings.url().isBlank()) {
            if (!settings.ephemeral()) {
                // Refuse a second server on the same folder now, not after building the whole context.
                DataFolderLock.acquire(Path.of(settings.dataDirectory()));
            }
            Started previous = STARTED.getAndSet(new Started(
                    settings, CompletableFuture.supplyAsync(() -> DatabaseConfiguration.startEmbedded(settings))));
            if (previous != null) {
                previous.server().thenAccept(DatabaseConfiguration.DatabaseServer::closeQuietly);
            }
        }
    }

    /** The server started early for exactly these settings, if any; hands it over only once. */
    static CompletableFuture<DatabaseConfiguration.DatabaseServer> take(DatabaseSettings settings) {
        Started started = STARTED.getAndSet(null);
        if (started == null) {
            return null;
        }
        if (!started.settings().equals(settings)) {
            started.server().thenAccept(DatabaseConfiguration.DatabaseServer::closeQuietly);
            return null;
        }
        return started.server();
    }

    record DatabaseSettings(
            String url, String user, String password, String dataDirectory, boolean ephemeral, boolean durable) {
        static DatabaseSettings from(Environment environment) {
            return new DatabaseSettings(
                    environment.getProperty("gantry.db.url", ""),
                    environment.getProperty("gantry.db.user", ""),
                    environment.getProperty("gantry.db.password", ""),
                    environment.getProperty("gantry.data-dir", "gantry-data"),
                    environment.getProperty("gantry.db.ephemeral", Boolean.class, false),
                    environment.getProperty("gantry.db.durable", Boolean.class, true));
        }
    }
}
