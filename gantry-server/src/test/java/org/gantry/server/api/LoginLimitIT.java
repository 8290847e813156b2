package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.UUID;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The per-address limit, in a server of its own with a per-address threshold of 30 (the shared test
 * server effectively turns it off, so one test's failures never lock out the others). The test
 * reaches it the way a password sprayer behind a reverse proxy would, while colleagues behind the
 * same proxy keep logging in. It makes its own admin token: the shared one belongs to the other
 * server's database.
 */
@TestPropertySource(properties = "gantry.login.max-failures-per-address=30")
class LoginLimitIT extends ApiIntegrationTest {

    private static final String TOKENS = "/api/v1/auth/tokens";

    @Test
    void manyFailuresFromOneAddressLockThatAddressButNotOthersBehindTheSameProxy() {
        ApiClient admin = new ApiClient(baseUrl(), token(ADMIN_EMAIL, ADMIN_PASSWORD));
        String email = "office-" + UUID.randomUUID().toString().substring(0, 8) + "@gantry.test";
        Response invited = admin.post("/api/v1/users", json("email", email, "name", "Office Worker"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String password = invited.body().get("oneTimePassword").asString();

        String sprayer = "198.51.100.77";
        for (int i = 0; i < 30; i++) {
            Response failed = anonymous()
                    .forwardedFor(sprayer)
                    .post(TOKENS, json("email", "user" + i + "@victim.test", "password", "Summer2026!!"));
            assertThat(failed.status()).as("failure " + (i + 1)).isEqualTo(401);
        }

        Response fromSprayer =
                anonymous().forwardedFor(sprayer).post(TOKENS, json("email", email, "password", password));
        assertThat(fromSprayer.status())
                .as("the address is locked, for every account")
                .isEqualTo(429);
        Response fromColleague =
                anonymous().forwardedFor("198.51.100.78").post(TOKENS, json("email", email, "password", password));
        assertThat(fromColleague.status())
                .as("another client behind the same proxy is not")
                .isEqualTo(201);

        JsonNode lock = admin.get("/api/v1/admin/login-locks")
                .body()
                .valueStream()
                .filter(each -> each.get("kind").asString().equals("address")
                        && each.get("subject").asString().equals(sprayer))
                .findFirst()
                .orElseThrow();
        assertThat(lock.get("reason").asString()).contains("from this address");
        JsonNode audited = admin.get("/api/v1/admin/audit?kind=LOGIN_LOCKED&size=500")
                .body()
                .get("items")
                .valueStream()
                .filter(row -> sprayer.equals(row.get("address").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(audited.get("detail").asString()).startsWith("address locked: ");
        assertThat(audited.get("subjectEmail").isNull())
                .as("an address lock is about no one account")
                .isTrue();
        assertThat(admin.delete("/api/v1/admin/login-locks/" + lock.get("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(anonymous()
                        .forwardedFor(sprayer)
                        .post(TOKENS, json("email", email, "password", password))
                        .status())
                .as("cleared by the admin")
                .isEqualTo(201);
    }
}
