package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.gantry.server.api.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * The server of a {@link GantryIntegrationTest} as its users reach it, through the REST API only: the
 * admin, new people (invited by the admin, on a password of their own, each with a token) and the
 * projects and tasks a test needs, made by small factories that fail the test at once when the server
 * refuses them. Each test makes its own, so tests share the server but never their data.
 */
public final class GantryApi {

    /** Per server port: a test class with a context of its own has its own database and admin token. */
    private static final Map<String, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private final String baseUrl;

    private GantryApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The server listening on {@code port} of this machine (Spring's {@code @LocalServerPort}). */
    public static GantryApi onPort(int port) {
        return new GantryApi("http://localhost:" + port);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Somebody who has not logged in. */
    public ApiClient anonymous() {
        return new ApiClient(baseUrl, null);
    }

    /** The administrator of {@link GantryIntegrationTest}. */
    public ApiClient admin() {
        String token = ADMIN_TOKENS.computeIfAbsent(
                baseUrl, any -> token(GantryIntegrationTest.ADMIN_EMAIL, GantryIntegrationTest.ADMIN_PASSWORD));
        return new ApiClient(baseUrl, token);
    }

    /** The token of the administrator, for a request a test sends on its own. */
    public String adminToken() {
        admin();
        return ADMIN_TOKENS.get(baseUrl);
    }

    /** A client acting with {@code token}. */
    public ApiClient withToken(String token) {
        return new ApiClient(baseUrl, token);
    }

    /** Logs in with e-mail and password for a new personal API token. */
    public String token(String email, String password) {
        Response response =
                anonymous().post("/api/v1/auth/tokens", json("email", email, "password", password, "name", "test"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("token").asString();
    }

    /**
     * A new active user, invited by the admin, who has chosen their own password (as everybody must
     * before doing anything else), with a token of their own.
     */
    public TestUser newUser(String label) {
        TestUser invited = newUserOnOneTimePassword(label);
        String own = chooseOwnPassword(invited.email(), invited.password());
        return new TestUser(invited.id(), invited.email(), own, new ApiClient(baseUrl, token(invited.email(), own)));
    }

    /** A new user as the invitation leaves them: still on the one-time password the admin was shown. */
    public TestUser newUserOnOneTimePassword(String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@gantry.test";
        Response invited = admin().post("/api/v1/users", json("email", email, "name", label + " Tester"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String password = invited.body().get("oneTimePassword").asString();
        return new TestUser(
                invited.body().get("user").get("id").asLong(),
                email,
                password,
                new ApiClient(baseUrl, token(email, password)));
    }

    /** Replaces a one-time password with a password of the user's own, through the API; returns it. */
    public String chooseOwnPassword(String email, String oneTimePassword) {
        String own = "own-" + UUID.randomUUID();
        Response changed = new ApiClient(baseUrl, token(email, oneTimePassword))
                .post("/api/v1/me/password", json("currentPassword", oneTimePassword, "newPassword", own));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        return own;
    }

    /** A project key no other test uses: T and seven letters or digits. */
    public static String newKey() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder key = new StringBuilder("T");
        for (int i = 0; i < 7; i++) {
            key.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return key.toString();
    }

    /** A new project owned by {@code owner}; returns its key. */
    public static String newProject(TestUser owner) {
        return newProject(owner.api(), json());
    }

    /** A new project named "{@code name} KEY", owned by the caller of {@code api}, starting on {@code start}. */
    public static String newProjectStarting(ApiClient api, String name, LocalDate start) {
        return newProject(api, json("name", name, "startDate", start.toString()));
    }

    /**
     * A new project created by the caller of {@code api} with the fields of {@code fields} (a fresh key,
     * and the name "Project KEY" unless given; a given name gets the key appended); returns its key.
     */
    public static String newProject(ApiClient api, Map<String, Object> fields) {
        String key = newKey();
        Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
        body.put("key", key);
        body.put("name", body.containsKey("name") ? body.get("name") + " " + key : "Project " + key);
        Response created = api.post("/api/v1/projects", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    public static void addMember(ApiClient manager, String project, TestUser user, String role) {
        Response added =
                manager.post("/api/v1/projects/" + project + "/members", json("userId", user.id(), "role", role));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    /** Creates a task from {@code body}; returns the created task. */
    public static JsonNode createTask(ApiClient api, String project, Object body) {
        Response created = api.post("/api/v1/projects/" + project + "/tasks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    public static JsonNode createTask(ApiClient api, String project, String name, Long parentId) {
        return createTask(api, project, json("name", name, "parentId", parentId));
    }

    /** Creates a task from {@code body}; returns its id. */
    public static long taskId(ApiClient api, String project, Object body) {
        return createTask(api, project, body).get("id").asLong();
    }

    /** Links {@code predecessor} to {@code successor}, finish to start. */
    public static void link(ApiClient api, String project, long predecessor, long successor) {
        Response linked = api.post(
                "/api/v1/projects/" + project + "/links", json("predecessorId", predecessor, "successorId", successor));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    }

    /** The body of a 201 answer (and fails on any other). */
    public static JsonNode created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    /** The body of a 200 answer (and fails on any other). */
    public static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** The WBS codes and names of all tasks, in outline order, as "1.2 Name". */
    public static List<String> outline(ApiClient api, String project) {
        Response page = api.get("/api/v1/projects/" + project + "/tasks?size=500");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body()
                .get("items")
                .valueStream()
                .map(task -> task.get("wbs").asString() + " " + task.get("name").asString())
                .toList();
    }

    /** The field names of a 400 problem's errors (and fails unless the answer is such a problem). */
    public static List<String> errorFields(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.body()
                .get("errors")
                .valueStream()
                .map(error -> error.get("field").asString())
                .toList();
    }
}
