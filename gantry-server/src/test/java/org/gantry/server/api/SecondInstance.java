package org.gantry.server.api;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.gantry.server.GantryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Gantry server on the test server's database, as a second instance behind a load balancer:
 * same PostgreSQL, its own port, JVM state and data folder. Close it when the test ends. Command-line
 * arguments, because they win over application.properties (builder properties would not).
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondInstance on(DataSource database) throws Exception {
        HikariDataSource pool = (HikariDataSource) database;
        Path files = Files.createTempDirectory("gantry-second");
        return new SecondInstance(new SpringApplicationBuilder(GantryApplication.class)
                .run(
                        "--server.port=0",
                        "--gantry.db.url=" + pool.getJdbcUrl(),
                        "--gantry.db.user=" + pool.getUsername(),
                        "--gantry.db.password=" + (pool.getPassword() == null ? "" : pool.getPassword()),
                        "--gantry.db.ephemeral=true",
                        "--gantry.data-dir=" + files,
                        "--gantry.db.pool-size=5",
                        "--gantry.demo=false",
                        "--gantry.login.max-failures-per-address=100000",
                        "--logging.level.io.zonky=WARN",
                        "--logging.level.org.flywaydb=WARN"));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        context.close();
    }
}
