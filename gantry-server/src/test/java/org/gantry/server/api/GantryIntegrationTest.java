package org.gantry.server.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one set-up of the integration tests: the real server on a random port with an embedded PostgreSQL,
 * an admin whose password the tests know, no demo project, and login limits high enough for hundreds of
 * logins. Every test class carrying it has the same configuration, so Spring's context cache starts one
 * server and one database for all of them in a JVM: a test class must not add properties, profiles or
 * mocked beans of its own unless it really needs a server of its own (and then says why). Tests never wipe
 * the database; each makes its own people and projects ({@link GantryApi}, {@code BrowserTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gantry.db.ephemeral=true",
            "gantry.admin.email=" + GantryIntegrationTest.ADMIN_EMAIL,
            "gantry.admin.password=" + GantryIntegrationTest.ADMIN_PASSWORD,
            "gantry.login.max-failures-per-address=100000",
            "gantry.demo=false",
            "logging.level.io.zonky=WARN",
            "logging.level.org.flywaydb=WARN",
            // Outgoing webhooks are delivered and retried within a test's patience.
            "gantry.outgoing-webhooks.poll-interval=300ms",
            "gantry.outgoing-webhooks.first-retry=1s"
        })
public @interface GantryIntegrationTest {

    /** The administrator the first start creates. */
    String ADMIN_EMAIL = "admin@gantry.test";

    String ADMIN_PASSWORD = "admin-password-1";
}
