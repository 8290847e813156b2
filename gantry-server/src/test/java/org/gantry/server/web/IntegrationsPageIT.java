package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gantry.server.identity.ApiTokenService;
import org.gantry.server.identity.TokenRequest;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Integrations page in headless Chromium, as a manager uses it: an incoming GitHub webhook added (its secret
 * shown once), a signed push posted to its URL by the test (as GitHub would) counted on the open page without a
 * reload; the status rules saved, refused beside a field, and saved over someone else's newer rules (the form
 * shows what is saved now); an outgoing webhook aimed at an HTTP receiver the test starts, a task change
 * delivered to it (first answered 500, then retried) and shown in the delivery log live, the log paged, turned
 * off, its secret rotated and deleted behind a confirmation; a stakeholder has no tab and is refused the page.
 */
class IntegrationsPageIT extends BrowserTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.shared();

    @Autowired
    ApiTokenService tokens;

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> signatures = new CopyOnWriteArrayList<>();
    /** Statuses the receiver answers, one per request, then 200. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    private CiServer admin;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/chat/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String(body, StandardCharsets.UTF_8));
            signatures.add(exchange.getRequestHeaders().getFirst("X-Gantry-Signature"));
            Integer status = answers.poll();
            byte[] answer = (status == null ? "ok" : "chat is down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        String token = tokens.create(new TokenRequest(ADMIN_EMAIL, ADMIN_PASSWORD, "ci", null), "127.0.0.1")
                .token();
        admin = new CiServer(port, token);
        allowInternalAddresses(true);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        allowInternalAddresses(false);
    }

    @Test
    void aManagerConnectsWebhooksSetsRulesAndReadsTheDeliveryLog() throws Exception {
        Person manager = invite("Mara Manager");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        Person stakeholder = invite("Stan Stakeholder");
        projects.addMember(
                admin(), project.key(), new NewMember(stakeholder.user().id(), null, ProjectRole.STAKEHOLDER));
        String base = "/projects/" + project.key();
        logIn(manager);

        page.navigate(base + "/board");
        page.getByLabel("Project views").getByText("Integrations").click();
        page.waitForURL("**" + base + "/integrations");
        assertThat(page.locator("#no-incoming")).isVisible();
        assertThat(page.locator("#no-outgoing")).isVisible();
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");

        // An incoming GitHub webhook: its secret and the header to configure, shown this once.
        page.getByLabel("Provider").selectOption("github");
        page.locator("#incoming-name").fill("api repository");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add webhook"))
                .click();
        assertThat(page.locator("#shown-secret-heading")).hasText("Webhook “api repository” added");
        assertThat(page.locator("#shown-header")).hasText("X-Hub-Signature-256");
        String secret = page.locator("#shown-secret-value").textContent().strip();
        String url = page.locator("#shown-url").textContent().strip();
        assertThat(secret).hasSize(43);
        assertThat(url).contains("/api/v1/hooks/");
        Locator hook = page.locator("#incoming-table tbody tr").first();
        assertThat(hook.locator("th")).hasText("api repository");
        assertThat(hook.locator(".deliveries")).hasText("0");
        assertThat(hook.locator(".last-delivery")).hasText("None yet");
        assertThat(hook).containsText("..." + secret.substring(39));
        assertAccessible("secret shown once");
        page.navigate(base + "/integrations");
        assertThat(page.locator("#shown-secret")).hasCount(0);
        assertThat(page.locator("main")).not().containsText(secret);

        // GitHub delivers a signed push: the open page counts it without a reload.
        String push = resource("/webhooks/github/push.json")
                .replace("{{KEY}}", project.key())
                .replace("{{key}}", project.key().toLowerCase())
                .replace("{{TASK}}", "1");
        HttpResponse<String> delivered = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(push, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", "push")
                        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                        .header("X-Hub-Signature-256", "sha256=" + hmac(secret, push))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.body()).contains("\"stored\"");
        hook = page.locator("#incoming-table tbody tr").first();
        assertThat(hook.locator(".deliveries")).hasText("1");
        assertThat(hook.locator(".last-delivery")).hasText(Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
        assertThat(page.locator("#integrations-page")).hasAttribute("data-refreshed", Pattern.compile("\\d+"));

        // Status rules: a window that is not a number is refused beside its field; then saved.
        page.getByLabel("Pull request merged → status").selectOption("done");
        page.getByLabel("Hotfix window (hours)").fill("four");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save status rules"))
                .click();
        assertThat(page.locator("#rules-problem")).isVisible();
        Locator hotfix = page.locator("#rule-hotfixWithinHours");
        assertThat(hotfix).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#rule-hotfixWithinHours-error")).hasText(Pattern.compile("whole number of hours"));
        assertThat(page.locator("#rule-pullRequestMerged")).hasValue("done");
        assertAccessible("a rule refused beside its field");
        hotfix.fill("900");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save status rules"))
                .click();
        assertThat(page.locator("#rule-hotfixWithinHours-error")).hasText(Pattern.compile("between 1 and 720"));
        page.locator("#rule-hotfixWithinHours").fill("4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save status rules"))
                .click();
        assertThat(page.locator("#flash")).containsText("Status rules saved.");
        assertThat(page.locator("#rules-version")).hasText("1");
        assertThat(page.locator("#rule-pullRequestMerged")).hasValue("done");
        assertThat(page.locator("#rule-hotfixWithinHours")).hasValue("4");

        // Someone else saves newer rules over the API; this form, still at version 1, is saved over them.
        admin.api(
                "PUT",
                "/api/v1/projects/" + project.key() + "/status-rules",
                "{\"pullRequestOpened\":\"in_progress\",\"pullRequestMerged\":\"done\",\"hotfixWithinHours\":4,"
                        + "\"version\":1}",
                200);
        assertThat(page.locator("#rules-version")).hasText("2");
        page.getByLabel("Pull request merged → status").selectOption("todo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save status rules"))
                .click();
        Locator conflict = page.locator("#rules-conflict");
        assertThat(conflict).containsText("Someone else saved the status rules");
        assertThat(conflict).containsText("Pull request opened: you chose no change, saved now “In progress”");
        assertThat(conflict).containsText("Pull request merged: you chose “To do”, saved now “Done”");
        assertThat(page.locator("#rule-pullRequestOpened")).hasValue("in_progress");
        assertThat(page.locator("#rule-pullRequestMerged")).hasValue("done");
        assertAccessible("a stale save of the rules");
        JsonNode rules =
                JSON.readTree(admin.api("GET", "/api/v1/projects/" + project.key() + "/status-rules", "", 200));
        assertThat(rules.get("version").asInt()).isEqualTo(2);
        assertThat(rules.get("pullRequestMerged").asString()).isEqualTo("done");

        // An outgoing webhook to the test's receiver; a refused address first.
        page.locator("#add-outgoing-name").fill("Team chat");
        page.locator("#add-outgoing-url").fill("ftp://chat.example.com/hook");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add outgoing webhook"))
                .click();
        assertThat(page.locator("#add-outgoing-problem")).isVisible();
        assertThat(page.locator("#add-outgoing-url")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#add-outgoing-name")).hasValue("Team chat");
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/chat/hook";
        page.locator("#add-outgoing-url").fill(hookUrl);
        page.locator("#add-outgoing-event-milestone").uncheck();
        page.locator("#add-outgoing-event-schedule").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add outgoing webhook"))
                .click();
        assertThat(page.locator("#shown-secret-heading")).hasText("Outgoing webhook “Team chat” added");
        assertThat(page.locator("#shown-header")).hasText("X-Gantry-Signature");
        String outgoingSecret =
                page.locator("#shown-secret-value").textContent().strip();
        Locator chat = page.locator("#outgoing-table tbody tr").first();
        assertThat(chat.locator("td").nth(1)).hasText("task");
        assertThat(chat.locator(".state")).hasText("On");
        assertThat(chat.locator(".delivered")).hasText("0");

        // A task is created: the receiver answers 500, the retry is delivered; the open page counts it.
        answers.add(500);
        long task = JSON.readTree(admin.api(
                        "POST", "/api/v1/projects/" + project.key() + "/tasks", "{\"name\":\"Write the spec\"}", 201))
                .get("id")
                .asLong();
        assertThat(chat.locator(".delivered")).hasText("1");
        assertThat(chat.locator(".pending")).hasText("0");
        assertThat(received).hasSize(2);
        assertThat(received.get(0)).isEqualTo(received.get(1));
        assertThat(signatures.get(1)).isEqualTo("sha256=" + hmac(outgoingSecret, received.get(1)));

        // Its delivery log: the attempts, the answer; a change while it is open appears without a reload.
        chat.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Team chat").setExact(true))
                .click();
        page.waitForURL(Pattern.compile(".*/integrations/outgoing/\\d+$"));
        Locator rows = page.locator("#delivery-table tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-event", "task.created");
        assertThat(rows.first().locator(".state")).hasText("Delivered");
        assertThat(rows.first().locator(".answer")).containsText("HTTP 200");
        assertThat(rows.first().locator(".attempts")).hasText("2");
        assertThat(page.locator("#count-delivered")).hasText("1");
        admin.api(
                "PATCH",
                "/api/v1/projects/" + project.key() + "/tasks/" + task,
                "{\"status\":\"done\",\"version\":" + taskVersion(project, task) + "}",
                200);
        assertThat(rows).hasCount(2);
        assertThat(rows.first()).hasAttribute("data-event", "task.updated");
        assertThat(rows.first().locator(".state")).hasText("Delivered");
        assertThat(page.locator("#count-delivered")).hasText("2");
        JsonNode updated = JSON.readTree(received.get(received.size() - 1));
        assertThat(updated.get("event").asString()).isEqualTo("task.updated");
        assertThat(updated.get("changes").get("status").toString()).isEqualTo("[\"todo\",\"done\"]");
        assertAccessible("the delivery log");

        // Twenty more changes: the log pages by twenty, newest first.
        for (int i = 0; i < 20; i++) {
            admin.api("POST", "/api/v1/projects/" + project.key() + "/tasks", "{\"name\":\"Task " + i + "\"}", 201);
        }
        assertThat(page.locator("#log-total")).hasText("22");
        assertThat(page.locator("#count-delivered")).hasText("22");
        assertThat(rows).hasCount(20);
        page.locator("#log-older").click();
        page.waitForURL(address -> address.contains("page=2"));
        assertThat(rows).hasCount(2);
        assertThat(rows.last()).hasAttribute("data-event", "task.created");
        assertThat(page.locator("#log-newer")).isVisible();
        page.locator("#log-newer").click();
        page.waitForURL(address -> address.contains("page=1"));
        assertThat(rows).hasCount(20);

        // Edit it (a name refused beside its field), turn it off (nothing more is queued), rotate its secret.
        page.locator("#edit-outgoing-name").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save webhook"))
                .click();
        assertThat(page.locator("#edit-webhook-problem")).isVisible();
        assertThat(page.locator("#edit-outgoing-name")).hasAttribute("aria-invalid", "true");
        page.locator("#edit-outgoing-name").fill("Team room");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save webhook"))
                .click();
        assertThat(page.locator("#flash")).containsText("Outgoing webhook saved.");
        assertThat(page.locator("#webhook-heading")).containsText("Team room");
        page.locator("#switch-webhook").click();
        assertThat(page.locator("#flash")).containsText("Outgoing webhook turned off.");
        assertThat(page.locator("#webhook-state")).hasText("Off");
        assertThat(page.locator("#switch-webhook")).hasText("Turn on");
        page.locator("#rotate-webhook").click();
        Locator dialog = page.locator("dialog[open]");
        assertThat(dialog).containsText("Give this webhook a new secret?");
        assertAccessible("the rotate dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rotate secret"))
                .click();
        assertThat(page.locator("#shown-secret-heading")).hasText("New secret of “Team room”");
        assertThat(page.locator("#shown-secret-value").textContent().strip())
                .hasSize(43)
                .isNotEqualTo(outgoingSecret);

        // Deleting asks first: Escape keeps it, the confirmation deletes it and its log.
        page.locator("#delete-webhook").click();
        assertThat(dialog).containsText("Delete the outgoing webhook “Team room”");
        page.keyboard().press("Escape");
        assertThat(page.locator("dialog[open]")).hasCount(0);
        assertThat(page.locator("#webhook-heading")).isVisible();
        page.locator("#delete-webhook").click();
        page.locator("dialog[open]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete webhook"))
                .click();
        page.waitForURL(address -> address.contains("done=outgoing-deleted"));
        assertThat(page.locator("#flash")).containsText("Outgoing webhook deleted.");
        assertThat(page.locator("#no-outgoing")).isVisible();

        // The incoming webhook: a new secret (the old one is refused from now on), then deleted.
        page.locator("#incoming-table")
                .getByRole(
                        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rotate the secret of api repository"))
                .click();
        page.locator("dialog[open]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rotate secret"))
                .click();
        assertThat(page.locator("#shown-secret-heading")).hasText("New secret of “api repository”");
        String rotated = page.locator("#shown-secret-value").textContent().strip();
        assertThat(rotated).hasSize(43).isNotEqualTo(secret);
        HttpResponse<String> old = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(push, StandardCharsets.UTF_8))
                        .header("Content-Type", "application/json")
                        .header("X-GitHub-Event", "push")
                        .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                        .header("X-Hub-Signature-256", "sha256=" + hmac(secret, push))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).isEqualTo(401);
        page.locator("#incoming-table")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete api repository"))
                .click();
        page.locator("dialog[open]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete webhook"))
                .click();
        page.waitForURL(address -> address.contains("done=webhook-deleted"));
        assertThat(page.locator("#no-incoming")).isVisible();
        screenshot("integrations");

        // A stakeholder has no tab and is refused the page.
        forgetSession();
        logIn(stakeholder);
        page.navigate(base + "/board");
        assertThat(page.getByLabel("Project views").getByText("Delivery")).isVisible();
        assertThat(page.getByLabel("Project views").getByText("Integrations")).hasCount(0);
        com.microsoft.playwright.Response refused = page.navigate(base + "/integrations");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("#incoming")).hasCount(0);
        consoleErrors.removeIf(error -> error.contains("status of 403"));
    }

    private int taskVersion(Project project, long task) {
        return JSON.readTree(admin.api("GET", "/api/v1/projects/" + project.key() + "/tasks/" + task, "", 200))
                .get("version")
                .asInt();
    }

    private void allowInternalAddresses(boolean allow) {
        JsonNode current = JSON.readTree(admin.api("GET", "/api/v1/admin/outgoing-webhooks", "", 200));
        admin.api(
                "PUT",
                "/api/v1/admin/outgoing-webhooks",
                "{\"allowPrivateAddresses\":" + allow + ",\"version\":"
                        + current.get("version").asInt() + "}",
                200);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = IntegrationsPageIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
