package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Outgoing webhooks as a chat tool sees them: a real HTTP receiver on this machine (so the test first lets
 * webhooks call internal addresses, as a system admin would), deliveries signed with the secret shown on
 * creation, a 500 answered by a retry with the same delivery id, the delivery log, redelivery, and internal
 * addresses refused while the setting is off.
 */
class OutgoingWebhookApiIT extends ApiIntegrationTest {

    record Received(String event, String deliveryId, String signature, String body) {
        JsonNode json() {
            return ApiClient.JSON.readTree(body);
        }
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Statuses the receiver answers, one per request, then 200. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/chat/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-Gantry-Event"),
                    exchange.getRequestHeaders().getFirst("X-Gantry-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-Gantry-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            byte[] answer = (status == null || status == 200 ? "ok" : "chat is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/chat/hook";
    }

    private void allowInternalAddresses(boolean allow) {
        Response current = admin().get("/api/v1/admin/outgoing-webhooks");
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        Response changed = admin().put(
                        "/api/v1/admin/outgoing-webhooks",
                        json(
                                "allowPrivateAddresses",
                                allow,
                                "version",
                                current.body().get("version").asInt()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("allowPrivateAddresses").asBoolean()).isEqualTo(allow);
    }

    @Test
    void aTaskChangeIsPostedSignedAndRetriedAfterA500() {
        allowInternalAddresses(true);
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        String hooks = "/api/v1/projects/" + key + "/outgoing-webhooks";
        Response created = owner.api()
                .post(hooks, json("name", "Team chat", "url", hookUrl(), "events", List.of("task", "milestone")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.body().get("secret").asString();
        assertThat(secret).hasSize(43);
        assertThat(created.body().get("signatureHeader").asString()).isEqualTo("X-Gantry-Signature");
        long hook = created.body().get("webhook").get("id").asLong();
        assertThat(created.body().get("webhook").get("secretHint").asString()).isEqualTo("..." + secret.substring(39));
        assertThat(owner.api().get(hooks + "/" + hook).body().has("secret")).isFalse();

        answers.add(500);
        long task =
                createTask(owner.api(), key, "Write the spec", null).get("id").asLong();

        List<Received> spec = waitFor(r -> r.event().equals("task.created"), 2);
        Received first = spec.get(0);
        Received retry = spec.get(1);
        assertThat(retry.deliveryId()).isEqualTo(first.deliveryId());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(first.signature()).isEqualTo("sha256=" + hmac(secret, first.body()));
        JsonNode body = first.json();
        assertThat(body.get("id").asString()).isEqualTo(first.deliveryId());
        assertThat(body.get("event").asString()).isEqualTo("task.created");
        assertThat(body.get("project").get("key").asString()).isEqualTo(key);
        assertThat(body.get("task").get("id").asLong()).isEqualTo(task);
        assertThat(body.get("task").get("key").asString()).isEqualTo(key + "-" + task);
        assertThat(body.get("task").get("name").asString()).isEqualTo("Write the spec");
        assertThat(body.get("task").get("milestone").asBoolean()).isFalse();
        assertThat(body.get("actor").get("kind").asString()).isEqualTo("token");
        assertThat(body.get("actor").get("id").asLong()).isEqualTo(owner.id());
        assertThat(body.get("changes").get("name").get(1).asString()).isEqualTo("Write the spec");
        assertThat(body.get("text").asString())
                .isEqualTo("owner Tester created task " + key + "-" + task + " “Write the spec”");

        JsonNode log = waitForLog(
                owner, hooks + "/" + hook, d -> d.get("state").asString().equals("DELIVERED"));
        JsonNode delivery = entry(log, first.deliveryId());
        assertThat(delivery.get("event").asString()).isEqualTo("task.created");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(delivery.get("payload").get("task").get("id").asLong()).isEqualTo(task);
        JsonNode webhook = owner.api().get(hooks + "/" + hook).body();
        assertThat(webhook.get("delivered").asLong()).isGreaterThanOrEqualTo(1);

        // A status change: task.updated naming the changed field; a milestone is a milestone.* event.
        int version = owner.api()
                .get("/api/v1/projects/" + key + "/tasks/" + task)
                .body()
                .get("version")
                .asInt();
        Response done = owner.api()
                .patch("/api/v1/projects/" + key + "/tasks/" + task, json("status", "done", "version", version));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        Received updated = waitFor(
                        r -> r.event().equals("task.updated")
                                && r.json().get("changes").has("status"),
                        1)
                .get(0);
        assertThat(updated.json().get("changes").get("status").get(0).asString())
                .isEqualTo("todo");
        assertThat(updated.json().get("changes").get("status").get(1).asString())
                .isEqualTo("done");
        assertThat(updated.signature()).isEqualTo("sha256=" + hmac(secret, updated.body()));
        long milestone = createTask(owner.api(), key, json("name", "Go live", "milestone", true))
                .get("id")
                .asLong();
        Received live = waitFor(r -> r.event().equals("milestone.created"), 1).get(0);
        assertThat(live.json().get("task").get("id").asLong()).isEqualTo(milestone);
        assertThat(live.json().get("task").get("milestone").asBoolean()).isTrue();
        assertThat(received).noneMatch(r -> r.event().equals("schedule.changed"));

        // Redelivery: the same body and delivery id again.
        String path = hooks + "/" + hook + "/deliveries/" + delivery.get("id").asLong() + "/redeliver";
        Response again = owner.api().post(path, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.body().get("state").asString()).isEqualTo("PENDING");
        List<Received> twice = waitFor(r -> r.deliveryId().equals(first.deliveryId()), 3);
        assertThat(twice.get(2).body()).isEqualTo(first.body());
        assertThat(twice.get(2).signature()).isEqualTo(first.signature());
        assertThat(owner.api()
                        .post(hooks + "/" + hook + "/deliveries/999999999/redeliver", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRescheduleIsOneScheduleChangeListingTheMovedTasks() {
        allowInternalAddresses(true);
        TestUser owner = newUser("planner");
        String key = newProject(owner);
        long design = createTask(owner.api(), key, json("name", "Design", "duration", "2d"))
                .get("id")
                .asLong();
        long build = createTask(owner.api(), key, json("name", "Build", "duration", "3d"))
                .get("id")
                .asLong();
        String hooks = "/api/v1/projects/" + key + "/outgoing-webhooks";
        Response created = owner.api().post(hooks, json("url", hookUrl(), "events", List.of("schedule")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("webhook").get("name").asString()).isEqualTo("Webhook");
        String secret = created.body().get("secret").asString();

        Response link = owner.api()
                .post("/api/v1/projects/" + key + "/links", json("predecessorId", design, "successorId", build));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);

        Received schedule =
                waitFor(r -> r.event().equals("schedule.changed"), 1).get(0);
        assertThat(schedule.signature()).isEqualTo("sha256=" + hmac(secret, schedule.body()));
        JsonNode tasks = schedule.json().get("tasks");
        assertThat(tasks.valueStream().map(t -> t.get("id").asLong()).toList()).containsExactly(build);
        assertThat(tasks.get(0).get("changes").has("start_at")).isTrue();
        assertThat(schedule.json().get("text").asString())
                .isEqualTo("The schedule of " + key + " changed: 1 task moved");
        sleep(1500);
        assertThat(received).allMatch(r -> r.event().equals("schedule.changed")).hasSize(1);
    }

    @Test
    void internalAddressesAreRefusedUnlessAnAdminAllowsThem() {
        allowInternalAddresses(false);
        TestUser owner = newUser("cautious");
        String key = newProject(owner);
        String hooks = "/api/v1/projects/" + key + "/outgoing-webhooks";
        for (String url : List.of(
                hookUrl(),
                "http://localhost:8080/x",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.7/",
                "http://[::1]/x",
                "http://[::ffff:127.0.0.1]/x",
                "http://0.0.0.0/")) {
            Response refused = owner.api().post(hooks, json("url", url));
            assertThat(errorFields(refused)).as(url).containsExactly("url");
            assertThat(refused.body().get("errors").get(0).get("message").asString())
                    .contains("internal address");
        }
        assertThat(errorFields(owner.api().post(hooks, json("url", "ftp://chat.example.com/x"))))
                .containsExactly("url");
        assertThat(errorFields(
                        owner.api().post(hooks, json("url", "https://chat.example.com/x", "events", List.of("bogus")))))
                .containsExactly("events");
        assertThat(errorFields(owner.api().post(hooks, json("name", "x".repeat(201)))))
                .containsExactlyInAnyOrder("name", "url");
        assertThat(owner.api().get(hooks).body().size()).isZero();

        // Allowed, created; then refused again before it is sent: the delivery fails, nothing reaches the receiver.
        allowInternalAddresses(true);
        Response created = owner.api().post(hooks, json("url", hookUrl()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long hook = created.body().get("webhook").get("id").asLong();
        allowInternalAddresses(false);
        createTask(owner.api(), key, "Quiet task", null);
        JsonNode failed = waitForLog(
                owner, hooks + "/" + hook, d -> d.get("state").asString().equals("FAILED"));
        assertThat(failed.get(0).get("lastError").asString()).startsWith("refused: 127.0.0.1 resolves to 127.0.0.1");
        assertThat(received).isEmpty();
        allowInternalAddresses(true);
    }

    @Test
    void staleEditsConflictAndARotatedSecretSignsTheNextDelivery() {
        allowInternalAddresses(true);
        TestUser owner = newUser("rotator");
        String key = newProject(owner);
        String hooks = "/api/v1/projects/" + key + "/outgoing-webhooks";
        Response created = owner.api().post(hooks, json("url", hookUrl(), "events", List.of("task"), "active", false));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long hook = created.body().get("webhook").get("id").asLong();
        createTask(owner.api(), key, "Unheard", null);

        Response rotated = owner.api().post(hooks + "/" + hook + "/rotate-secret", json("version", 0));
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String secret = rotated.body().get("secret").asString();
        assertThat(secret).isNotEqualTo(created.body().get("secret").asString());
        Response stale = owner.api().put(hooks + "/" + hook, json("active", true, "version", 0));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(1);
        assertThat(errorFields(owner.api().put(hooks + "/" + hook, json("active", true))))
                .containsExactly("version");
        Response on = owner.api().put(hooks + "/" + hook, json("active", true, "version", 1));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.body().get("active").asBoolean()).isTrue();
        assertThat(on.body().get("pending").asLong()
                        + on.body().get("delivered").asLong())
                .isZero();

        createTask(owner.api(), key, "Heard", null);
        Received heard = waitFor(r -> r.event().equals("task.created"), 1).get(0);
        assertThat(heard.json().get("task").get("name").asString()).isEqualTo("Heard");
        assertThat(heard.signature()).isEqualTo("sha256=" + hmac(secret, heard.body()));
        assertThat(owner.api()
                        .get(hooks + "/" + hook + "/deliveries?state=nope")
                        .status())
                .isEqualTo(400);

        Response gone = owner.api().delete(hooks + "/" + hook);
        assertThat(gone.status()).isEqualTo(204);
        assertThat(owner.api().get(hooks + "/" + hook).status()).isEqualTo(404);
        assertThat(owner.api().get(hooks + "/" + hook + "/deliveries").status()).isEqualTo(404);
    }

    private List<Received> waitFor(Predicate<Received> which, int count) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<Received> matching = received.stream().filter(which).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(100);
        }
        throw new AssertionError("Waited 30 s for " + count + " matching deliveries; received " + received);
    }

    private static JsonNode waitForLog(TestUser owner, String hook, Predicate<JsonNode> which) {
        long deadline = System.currentTimeMillis() + 30_000;
        Response log = null;
        while (System.currentTimeMillis() < deadline) {
            log = owner.api().get(hook + "/deliveries");
            assertThat(log.status()).as(log.toString()).isEqualTo(200);
            if (log.body().valueStream().anyMatch(which)) {
                return log.body();
            }
            sleep(100);
        }
        throw new AssertionError("Waited 30 s for the delivery log; it is " + log);
    }

    private static JsonNode entry(JsonNode log, String deliveryId) {
        return log.valueStream()
                .filter(d -> d.get("deliveryId").asString().equals(deliveryId))
                .findFirst()
                .orElseThrow();
    }

    static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
