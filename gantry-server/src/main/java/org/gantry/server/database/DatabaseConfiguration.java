package org.gantry.server.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.gantry.server.database.EarlyDatabaseStart.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Environment environment) {
        DatabaseSettings settings = DatabaseSettings.from(environment);
        if (!settings.url().isBlank()) {
            log.info("Using the PostgreSQL at {}", settings.url());
            return new DatabaseServer(null, settings.url(), settings.user(), settings.password(), null);
        }
        CompletableFuture<DatabaseServer> early = EarlyDatabaseStart.take(settings);
        if (early == null) {
            return startEmbedded(settings);
        }
        try {
            return early.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    static DatabaseServer startEmbedded(DatabaseSettings settings) {
        try {
            Path directory;
            if (settings.ephemeral()) {
                directory = Files.createTempDirectory("gantry-pg");
            } else {
                Path dataFolder =
                        Path.of(settings.dataDirectory()).toAbsolutePath().normalize();
                DataFolderLock.acquire(dataFolder);
                directory = dataFolder.resolve("postgres");
                OrphanedPostmaster.stopIfAny(directory);
            }
            Files.createDirectories(directory);
            boolean durable = settings.durable() && !settings.ephemeral();
            log.info(
                    "Starting the embedded PostgreSQL with its data in {} ({})",
                    directory,
                    durable
                            ? "durable: fsync, synchronous commit and full page writes on"
                            : "NOT durable: a crash can lose the last acknowledged writes");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(settings.ephemeral())
                    .setServerConfig("max_connections", "200")
                    // Crash recovery replays the write-ahead log before the server answers.
                    .setPGStartupWait(Duration.ofMinutes(5));
            // The library starts PostgreSQL with its test defaults (-F = fsync off, synchronous_commit
            // off); a -c on the command line comes after -F and wins, so these restore the safe defaults.
            String on = durable ? "on" : "off";
            builder.setServerConfig("fsync", on)
                    .setServerConfig("synchronous_commit", on)
                    .setServerConfig("full_page_writes", on);
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IOException | RuntimeException e) {
                // The library may have launched the postmaster before failing (e.g. a slow start);
                // it runs detached, so stop it rather than leave it holding the folder.
                OrphanedPostmaster.stopIfAny(directory);
                throw e;
            }
            String url = postgres.getJdbcUrl("postgres", "postgres");
            // More servers on this machine may share it (live updates keep them in step), with GANTRY_DB_URL.
            log.info("The embedded PostgreSQL listens at {} (user postgres)", url);
            return new DatabaseServer(
                    postgres,
                    url,
                    "postgres",
                    "",
                    settings.ephemeral() ? null : StopAfterTheServer.disarmLibraryHook(postgres));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A class-data-sharing training start ({@code -Dspring.context.exit=onRefresh}, see run.sh) ends
     * with {@code Runtime.halt}, which runs no shutdown hook and closes no bean: stop the embedded
     * PostgreSQL once every bean is built, just before that halt, or it outlives the JVM.
     */
    @Bean
    static SmartInitializingSingleton stopDatabaseBeforeExitOnRefresh(ObjectProvider<DatabaseServer> server) {
        return () -> {
            if ("onRefresh".equalsIgnoreCase(SpringProperties.getProperty("spring.context.exit"))) {
                log.info("Exit on refresh (training start): stopping the embedded PostgreSQL now");
                server.ifAvailable(DatabaseServer::closeQuietly);
            }
        };
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            DatabaseServer server,
            @Value("${gantry.db.pool-size:20}") int poolSize,
            @Value("${gantry.live.enabled:true}") boolean live) {
        // Configured, not started: the pool starts on first use, after the metrics registry (if any) has
        // been given to it (a pool built from a HikariConfig starts at once and refuses one afterwards).
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.url());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("gantry");
        if (!live) {
            // GANTRY_LIVE=false: the live-update triggers (V70) skip their work in this server's sessions.
            dataSource.setConnectionInitSql("select set_config('gantry.live', 'off', false)");
        }
        return dataSource;
    }

    /** Transactions that tell the activity log who is writing ({@link ActorAwareTransactionManager}). */
    @Bean
    org.springframework.jdbc.support.JdbcTransactionManager transactionManager(
            javax.sql.DataSource dataSource, java.time.Clock clock) {
        return new ActorAwareTransactionManager(dataSource, clock);
    }

    /**
     * The server's clock: what "today" is for sprints and their charts, and the time of the activity
     * log's entries. The system clock, in UTC; days are counted in each project's time zone.
     */
    @Bean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /** The database the pool connects to; closes the embedded server, if any, after the pool. */
    /**
     * The database the pool connects to; closes the embedded server, if any, after the pool.
     * {@code libraryClosed}: the library's own "closed" flag, set while the library's shutdown hook must
     * not stop the server (see {@link StopAfterTheServer}); null when the library stops it as it likes.
     */
    record DatabaseServer(
            EmbeddedPostgres embedded,
            String url,
            String user,
            String password,
            java.util.concurrent.atomic.AtomicBoolean libraryClosed)
            implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                if (libraryClosed != null) {
                    libraryClosed.set(false);
                }
                embedded.close();
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL", e);
            }
        }
    }
}
