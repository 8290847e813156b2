package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.gantry.server.api.ApiClient.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of the API integration tests: one server on a random port and one embedded PostgreSQL for the
 * whole test JVM (every subclass has the same configuration, so Spring's context cache shares them).
 * Tests never wipe the database; each creates its own users and projects.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gantry.db.ephemeral=true",
            "gantry.admin.email=" + ApiIntegrationTest.ADMIN_EMAIL,
            "gantry.admin.password=" + ApiIntegrationTest.ADMIN_PASSWORD,
            "gantry.login.max-failures-per-address=100000",
            "gantry.demo=false",
            "logging.level.io.zonky=WARN",
            "logging.level.org.flywaydb=WARN",
            "gantry.outgoing-webhooks.poll-interval=300ms",
            "gantry.outgoing-webhooks.first-retry=1s"
        })
abstract class ApiIntegrationTest {

    static final String ADMIN_EMAIL = "admin@gantry.test";
    static final String ADMIN_PASSWORD = "admin-password-1";

    @LocalServerPort
    int port;

    /** Per server port: a test class with a context of its own (SprintApiIT's clock) has its own database. */
    private static final java.util.Map<Integer, String> ADMIN_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    record TestUser(long id, String email, String password, ApiClient api) {}

    String baseUrl() {
        return "http://localhost:" + port;
    }

    ApiClient anonymous() {
        return new ApiClient(baseUrl(), null);
    }

    ApiClient admin() {
        String adminToken = ADMIN_TOKENS.computeIfAbsent(port, any -> token(ADMIN_EMAIL, ADMIN_PASSWORD));
        return new ApiClient(baseUrl(), adminToken);
    }

    String token(String email, String password) {
        Response response =
                anonymous().post("/api/v1/auth/tokens", json("email", email, "password", password, "name", "test"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("token").asString();
    }

    /**
     * A new active user, invited by the admin, who has chosen their own password (as everybody must
     * before doing anything else), with a token of their own.
     */
    TestUser newUser(String label) {
        TestUser invited = newUserOnOneTimePassword(label);
        String own = chooseOwnPassword(invited.email(), invited.password());
        return new TestUser(invited.id(), invited.email(), own, new ApiClient(baseUrl(), token(invited.email(), own)));
    }

    /** A new user as the invitation leaves them: still on the one-time password the admin was shown. */
    TestUser newUserOnOneTimePassword(String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@gantry.test";
        Response invited = admin().post("/api/v1/users", json("email", email, "name", label + " Tester"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String password = invited.body().get("oneTimePassword").asString();
        return new TestUser(
                invited.body().get("user").get("id").asLong(),
                email,
                password,
                new ApiClient(baseUrl(), token(email, password)));
    }

    /** Replaces a one-time password with a password of the user's own, through the API; returns it. */
    String chooseOwnPassword(String email, String oneTimePassword) {
        String own = "own-" + UUID.randomUUID();
        Response changed = new ApiClient(baseUrl(), token(email, oneTimePassword))
                .post("/api/v1/me/password", json("currentPassword", oneTimePassword, "newPassword", own));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        return own;
    }

    static String newKey() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder key = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            key.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return key.toString();
    }

    /** A new project owned by {@code owner}; returns its key. */
    static String newProject(TestUser owner) {
        String key = newKey();
        Response created = owner.api().post("/api/v1/projects", json("key", key, "name", "Project " + key));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    static void addMember(ApiClient manager, String project, TestUser user, String role) {
        Response added =
                manager.post("/api/v1/projects/" + project + "/members", json("userId", user.id(), "role", role));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    static JsonNode createTask(ApiClient api, String project, Object body) {
        Response created = api.post("/api/v1/projects/" + project + "/tasks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    static JsonNode createTask(ApiClient api, String project, String name, Long parentId) {
        return createTask(api, project, json("name", name, "parentId", parentId));
    }

    /** The WBS codes and names of all tasks, in outline order, as "1.2 Name". */
    static List<String> outline(ApiClient api, String project) {
        Response page = api.get("/api/v1/projects/" + project + "/tasks?size=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body()
                .get("items")
                .valueStream()
                .map(task -> task.get("wbs").asString() + " " + task.get("name").asString())
                .toList();
    }

    /** The field names of a 400 problem's errors. */
    static List<String> errorFields(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.body()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }
}
