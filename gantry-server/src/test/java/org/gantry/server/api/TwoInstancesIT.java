package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two Gantry instances on one PostgreSQL, as behind a load balancer: the test's server (A) and a second
 * one started here (B). A session made by logging in on A is good on B (sessions live in the database),
 * a logout on B ends it on A, and edits of one project sent through both at once lose nothing, never
 * fail with a server error, and leave one schedule that both instances report alike and that a fresh
 * reschedule does not change (the per-project lock is PostgreSQL's, not a JVM's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    private SecondInstance second;

    @BeforeAll
    void startSecondInstance() throws Exception {
        second = SecondInstance.on(dataSource);
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOtherAndALogoutThereEndsIt() throws Exception {
        TestUser user = newUser("two-instances");
        HttpClient browser = browserLike();
        String loginPage = getPage(browser, "/login").body();
        HttpResponse<String> loggedIn = postForm(
                browser,
                "/login",
                "email=" + urlEncoded(user.email()) + "&password=" + urlEncoded(user.password()) + "&_csrf="
                        + csrfToken(loginPage));
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = sessionCookie(loggedIn);

        // B has never seen this person log in: only the cookie travels, as through a load balancer.
        HttpClient elsewhere = HttpClient.newHttpClient();
        HttpResponse<String> me = elsewhere.send(
                onB("/api/v1/me").header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(user.email());

        // A write through B with the session and the CSRF token B's page carries (kept in the session).
        HttpResponse<String> page = elsewhere.send(
                onB("/projects").header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String key = newKey();
        HttpResponse<String> created = elsewhere.send(
                onB("/api/v1/projects")
                        .header("Cookie", "SESSION=" + session)
                        .header("X-CSRF-TOKEN", metaCsrfToken(page.body()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"key\":\"" + key + "\",\"name\":\"Made through B\",\"startDate\":\"2026-03-02\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(user.api().get("/api/v1/projects/" + key).status())
                .as("A sees the project made through B")
                .isEqualTo(200);

        // Logging out on B ends the session everywhere.
        HttpResponse<String> logout = elsewhere.send(
                onB("/logout")
                        .header("Cookie", "SESSION=" + session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfToken(page.body())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> afterLogout = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
                                .header("Cookie", "SESSION=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(afterLogout.statusCode())
                .as("A no longer knows the session B logged out")
                .isEqualTo(401);
    }

    @Test
    void editsOfOneProjectThroughBothInstancesAtOnceLoseNothingAndAgreeOnTheDates() throws Exception {
        TestUser owner = newUser("two-instances-edit");
        String key = newProject(owner);
        ApiClient onA = owner.api();
        ApiClient onB = new ApiClient(second.baseUrl(), token(owner.email(), owner.password()));
        // A chain of 24 tasks: every duration edit moves every task after it, so concurrent reschedules
        // write the same rows.
        List<Long> chain = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            chain.add(taskId(onA, key, json("name", "Step " + i, "duration", "1d")));
            if (i > 0) {
                link(onA, key, chain.get(i - 1), chain.get(i));
            }
        }

        // Six writers, three on each instance, each owning four tasks; each sets its tasks' durations
        // five times over, reading the version it needs from the 409 when another edit got there first.
        Map<Long, Integer> lastDays = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 6; writer++) {
                int w = writer;
                ApiClient api = w % 2 == 0 ? onA : onB;
                done.add(writers.submit(() -> {
                    for (int round = 1; round <= 5; round++) {
                        for (int t = w; t < chain.size(); t += 6) {
                            long id = chain.get(t);
                            int days = 1 + (round * 7 + t) % 5;
                            int version = api.get("/api/v1/projects/" + key + "/tasks/" + id)
                                    .body()
                                    .get("version")
                                    .asInt();
                            for (int attempt = 0; ; attempt++) {
                                Response changed = api.patch(
                                        "/api/v1/projects/" + key + "/tasks/" + id,
                                        json("version", version, "duration", days + "d"));
                                if (changed.status() == 200) {
                                    lastDays.put(id, days);
                                    break;
                                }
                                // A 409 without the current task is a deadlock PostgreSQL broke: a failure. A task
                                // late in the chain is moved by every other writer's edit, so it may take many
                                // rounds of "stale, here is the current one" before an edit gets in.
                                if (changed.status() != 409 || !changed.body().has("current") || attempt == 1000) {
                                    failures.add(changed.toString());
                                    break;
                                }
                                // Another writer's reschedule moved this task: take its version and retry.
                                version = changed.body()
                                        .get("current")
                                        .get("version")
                                        .asInt();
                            }
                        }
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(failures).as("no edit failed (no 500, no deadlock)").isEmpty();

        Map<Long, JsonNode> throughA = tasksById(onA, key);
        Map<Long, JsonNode> throughB = tasksById(onB, key);
        for (long id : chain) {
            assertThat(throughA.get(id).get("durationMinutes").asLong())
                    .as("task %d keeps the last duration set", id)
                    .isEqualTo(lastDays.get(id) * 480L);
            assertThat(throughB.get(id).toString())
                    .as("both instances report task %d alike", id)
                    .isEqualTo(throughA.get(id).toString());
        }
        for (int i = 1; i < chain.size(); i++) {
            assertThat(throughA.get(chain.get(i)).get("start").asString())
                    .as("step %d starts after step %d finishes", i, i - 1)
                    .isGreaterThanOrEqualTo(
                            throughA.get(chain.get(i - 1)).get("finish").asString());
        }
        Response rescheduled = onB.post("/api/v1/projects/" + key + "/reschedule", null);
        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        assertThat(rescheduled.body().get("changed").valueStream().toList())
                .as("the stored dates are one whole schedule: a fresh reschedule moves nothing")
                .isEmpty();
    }

    @Test
    void twoEditsOfOneTaskAtTheSameVersionThroughEachInstanceSaveOneAndReportTheOther() {
        TestUser owner = newUser("two-instances-race");
        String key = newProject(owner);
        ApiClient onA = owner.api();
        ApiClient onB = new ApiClient(second.baseUrl(), token(owner.email(), owner.password()));
        long id = taskId(onA, key, json("name", "Contested", "duration", "2d"));
        int version = onA.get("/api/v1/projects/" + key + "/tasks/" + id)
                .body()
                .get("version")
                .asInt();

        Response first = onA.patch("/api/v1/projects/" + key + "/tasks/" + id, json("version", version, "name", "A"));
        Response late = onB.patch("/api/v1/projects/" + key + "/tasks/" + id, json("version", version, "name", "B"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.body().get("current").get("name").asString())
                .as("B's refusal shows what A saved")
                .isEqualTo("A");
        assertThat(onB.get("/api/v1/projects/" + key + "/tasks/" + id)
                        .body()
                        .get("name")
                        .asString())
                .isEqualTo("A");
    }

    private HttpRequest.Builder onB(String path) {
        return HttpRequest.newBuilder(URI.create(second.baseUrl() + path));
    }

    private static String sessionCookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getName().equals("SESSION")) {
                    return cookie.getValue();
                }
            }
        }
        throw new AssertionError("no SESSION cookie in " + response.headers().map());
    }

    private static String metaCsrfToken(String page) {
        Matcher matcher =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the page carries its CSRF token").isTrue();
        return matcher.group(1);
    }

    private static Map<Long, JsonNode> tasksById(ApiClient api, String key) {
        Response listed = api.get("/api/v1/projects/" + key + "/tasks?size=100");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        Map<Long, JsonNode> byId = new HashMap<>();
        listed.body().get("items").forEach(task -> byId.put(task.get("id").asLong(), task));
        return byId;
    }
}
