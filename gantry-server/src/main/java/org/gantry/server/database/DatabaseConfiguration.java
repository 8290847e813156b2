package org.gantry.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(
            @Value("${gantry.db.url:}") String url,
            @Value("${gantry.db.user:}") String user,
            @Value("${gantry.db.password:}") String password,
            @Value("${gantry.data-dir:gantry-data}") String dataDirectory,
            @Value("${gantry.db.ephemeral:false}") boolean ephemeral) {
        if (!url.isBlank()) {
            log.info("Using the PostgreSQL at {}", url);
            return new DatabaseServer(null, url, user, password);
        }
        try {
            Path directory = ephemeral
                    ? Files.createTempDirectory("gantry-pg")
                    : Path.of(dataDirectory, "postgres").toAbsolutePath();
            Files.createDirectories(directory);
            log.info("Starting the embedded PostgreSQL with its data in {}", directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(ephemeral)
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
    }
}
