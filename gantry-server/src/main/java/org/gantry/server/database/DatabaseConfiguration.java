package org.gantry.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.gantry.server.database.EarlyDatabaseStart.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(Environment environment) {
        DatabaseSettings settings = DatabaseSettings.from(environment);
        if (!settings.url().isBlank()) {
            log.info("Using the PostgreSQL at {}", settings.url());
            return new DatabaseServer(null, settings.url(), settings.user(), settings.password());
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
            Path directory = settings.ephemeral()
                    ? Files.createTempDirectory("gantry-pg")
                    : Path.of(settings.dataDirectory(), "postgres").toAbsolutePath();
            Files.createDirectories(directory);
            log.info("Starting the embedded PostgreSQL with its data in {}", directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(settings.ephemeral())
                    .setServerConfig("max_connections", "200")
                    .start();
            return new DatabaseServer(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseServer server, @Value("${gantry.db.pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("gantry");
        return new HikariDataSource(config);
    }

    /** The database the pool connects to; closes the embedded server, if any, after the pool. */
    record DatabaseServer(EmbeddedPostgres embedded, String url, String user, String password)
            implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException e) {
                log.warn("Could not stop an embedded PostgreSQL that was started too early", e);
            }
        }
    }
}
