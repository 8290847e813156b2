package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Share links as a sponsor without an account meets them: the address opens the dashboard or the published
 * report and nothing else, with headers that keep the token out of Referer and search engines; revoked and
 * expired links say so; the token is no API credential and appears in no log line.
 */
class ShareLinkApiIT extends ApiIntegrationTest {

    private static final HttpClient BROWSER = HttpClient.newHttpClient(); // follows no redirects

    @Autowired
    JdbcClient jdbc;

    record Shared(TestUser owner, String key, String token, long id) {
        String links() {
            return "/api/v1/projects/" + key + "/share-links";
        }
    }

    private Shared dashboardLink(Object body) {
        TestUser owner = newUser("shareowner");
        String key = newProject(owner);
        createTask(owner.api(), key, "Secret design task", null);
        Response created = owner.api().post("/api/v1/projects/" + key + "/share-links", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.body().get("token").asString();
        assertThat(created.body().get("path").asString()).isEqualTo("/share/" + token);
        return new Shared(
                owner, key, token, created.body().get("link").get("id").asLong());
    }

    @Test
    void aDashboardLinkOpensWithoutAnAccountShowsOnlyItsPageAndCountsTheOpening() {
        Shared shared = dashboardLink(json("target", "DASHBOARD", "label", "Steering committee"));

        HttpResponse<String> page = open("/share/" + shared.token(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Project " + shared.key())
                .contains("tile-health")
                .contains("tile-progress");
        // Read-only and a dead end: no form, no link into Gantry, no API address, no costs.
        assertThat(page.body())
                .doesNotContain("<form")
                .doesNotContain("href=\"/projects")
                .doesNotContain("/api/");
        assertThat(page.body()).doesNotContain("tile-cost");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Robots-Tag").orElse("")).contains("noindex");
        assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        // No session is made for a visitor.
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();

        List<JsonNode> links =
                shared.owner().api().get(shared.links()).body().valueStream().toList();
        assertThat(links).hasSize(1);
        JsonNode link = links.get(0);
        assertThat(link.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(link.get("label").asString()).isEqualTo("Steering committee");
        assertThat(link.get("opened").asLong()).isEqualTo(1);
        assertThat(link.get("lastOpenedAt").isNull()).isFalse();
        assertThat(link.toString()).doesNotContain(shared.token());
        // Only the token's hash is stored.
        String stored = jdbc.sql("select token_hash from share_link where id = ?")
                .param(shared.id())
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).isNotEqualTo(shared.token());

        // The page's own background refresh is no new opening.
        open("/share/" + shared.token(), "X-Gantry-Background");
        assertThat(shared.owner()
                        .api()
                        .get(shared.links())
                        .body()
                        .get(0)
                        .get("opened")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aGanttLinkShowsThePlansChartToAPlainHttpClientAndNothingAfterItIsRevoked() {
        ReportPlan plan = ReportPlan.scripted(this, "sharegantt");
        String links = plan.path() + "/share-links";
        assertThat(errorFields(plan.api().post(links, json("target", "GANTT", "reportId", 1))))
                .containsExactly("reportId");
        assertThat(errorFields(plan.api().post(links, json("target", "PERT")))).containsExactly("target");
        Response created = plan.api().post(links, json("target", "GANTT", "label", "Programme board"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("link").get("target").asString()).isEqualTo("GANTT");
        assertThat(created.body().get("link").get("reportId").isNull()).isTrue();
        String token = created.body().get("token").asString();
        long id = created.body().get("link").get("id").asLong();

        HttpResponse<String> page = open("/share/" + token, null);
        assertThat(page.statusCode()).isEqualTo(200);
        // The whole plan as an SVG chart: every task (Docs too), bars, the milestone's diamond, baseline bars.
        assertThat(page.body())
                .contains("Reports sharegantt")
                .contains("<svg")
                .contains("class=\"gantt-excerpt\"")
                .contains("1.2.2 Docs")
                .contains("1.2.1 Code")
                .contains("class=\"gantt-diamond\"")
                .contains("class=\"gantt-baseline\"")
                .contains("gantt-row task critical");
        assertThat(page.body().split("<g class=\"gantt-row", -1)).hasSize(7 + 1);
        // Read-only and a dead end: no form, no link into Gantry, no API address.
        assertThat(page.body())
                .doesNotContain("<form")
                .doesNotContain("href=\"/projects")
                .doesNotContain("/api/");
        assertThat(page.headers().firstValue("X-Robots-Tag").orElse("")).contains("noindex");
        assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex");
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(plan.api().get(links).body().get(0).get("opened").asLong()).isEqualTo(1);
        // The token opens no API and no PDF.
        assertThat(new ApiClient(baseUrl(), token).get(plan.path() + "/tasks").status())
                .isEqualTo(401);
        assertThat(open("/share/" + token + "/report.pdf", null).statusCode()).isEqualTo(404);

        // The chart is the plan as it is now: a renamed task shows on the next opening.
        String docsPath = plan.path() + "/tasks/" + plan.docs();
        int version = plan.api().get(docsPath).body().get("version").asInt();
        assertThat(plan.api()
                        .patch(docsPath, json("name", "Handbook", "version", version))
                        .status())
                .isEqualTo(200);
        assertThat(open("/share/" + token, null).body()).contains("1.2.2 Handbook");

        assertThat(plan.api().delete(links + "/" + id).status()).isEqualTo(204);
        HttpResponse<String> gone = open("/share/" + token, null);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).doesNotContain("Handbook").doesNotContain("<svg");
    }

    @Test
    void aRevokedLinkIsGoneAnUnknownOneNotFound() {
        Shared shared = dashboardLink(json("target", "DASHBOARD"));
        assertThat(open("/share/" + shared.token(), null).statusCode()).isEqualTo(200);

        Response revoked = shared.owner().api().delete(shared.links() + "/" + shared.id());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        HttpResponse<String> gone = open("/share/" + shared.token(), null);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("revoked").doesNotContain("Project " + shared.key());
        assertThat(shared.owner()
                        .api()
                        .get(shared.links())
                        .body()
                        .get(0)
                        .get("state")
                        .asString())
                .isEqualTo("REVOKED");
        // Revoking again changes nothing.
        assertThat(shared.owner()
                        .api()
                        .delete(shared.links() + "/" + shared.id())
                        .status())
                .isEqualTo(204);

        String unknown = "A".repeat(43);
        assertThat(open("/share/" + unknown, null).statusCode()).isEqualTo(404);
        assertThat(open("/share/short", null).statusCode()).isEqualTo(404);
        assertThat(open("/share/" + shared.token().substring(0, 42) + "B", null).statusCode())
                .isEqualTo(404);
        Response missing = shared.owner().api().delete(shared.links() + "/99999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aLinkPastItsLastDayIsGone() {
        Shared shared = dashboardLink(
                json("target", "DASHBOARD", "expiresOn", LocalDate.now().plusDays(3)));
        assertThat(shared.owner()
                        .api()
                        .get(shared.links())
                        .body()
                        .get(0)
                        .get("expiresAt")
                        .isNull())
                .isFalse();
        assertThat(open("/share/" + shared.token(), null).statusCode()).isEqualTo(200);

        jdbc.sql("update share_link set expires_at = now() - interval '1 minute' where id = ?")
                .param(shared.id())
                .update();

        HttpResponse<String> gone = open("/share/" + shared.token(), null);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("expired");
        assertThat(shared.owner()
                        .api()
                        .get(shared.links())
                        .body()
                        .get(0)
                        .get("state")
                        .asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void theTokenIsNoApiCredentialAndReachesNothingElse() {
        Shared shared = dashboardLink(json("target", "DASHBOARD"));

        Response asBearer = new ApiClient(baseUrl(), shared.token()).get("/api/v1/projects/" + shared.key());
        assertThat(asBearer.status()).isEqualTo(401);
        Response dashboard =
                new ApiClient(baseUrl(), shared.token()).get("/api/v1/projects/" + shared.key() + "/dashboard");
        assertThat(dashboard.status()).isEqualTo(401);
        // Paths beside the page lead nowhere: no PDF for a dashboard link, nothing under the token.
        assertThat(open("/share/" + shared.token() + "/report.pdf", null).statusCode())
                .isEqualTo(404);
        assertThat(open("/share/" + shared.token() + "/api/v1/projects", null).statusCode())
                .isEqualTo(404);
        // A page of the project itself still needs an account.
        HttpResponse<String> projectPage = open("/projects/" + shared.key(), null);
        assertThat(projectPage.statusCode()).isEqualTo(302);
        assertThat(projectPage.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aPasswordKeepsThePageClosedUntilItIsTyped() {
        Shared shared = dashboardLink(json("target", "DASHBOARD", "password", "sponsor-2026"));

        HttpResponse<String> closed = open("/share/" + shared.token(), null);
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("needs a password").doesNotContain("Project " + shared.key());

        HttpResponse<String> wrong = post("/share/" + shared.token(), "password=guess-guess");
        assertThat(wrong.body()).contains("not right").doesNotContain("Project " + shared.key());
        assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> right = post("/share/" + shared.token(), "password=sponsor-2026");
        assertThat(right.statusCode()).isEqualTo(302);
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").doesNotContain(shared.token());

        HttpResponse<String> open = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/share/" + shared.token()))
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .GET()
                .build());
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("Project " + shared.key()).contains("tile-health");
        assertThat(shared.owner()
                        .api()
                        .get(shared.links())
                        .body()
                        .get(0)
                        .get("passwordProtected")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aReportLinkShowsThePublishedReportAndItsPdf() {
        TestUser owner = newUser("shareowner");
        String key = newProject(owner);
        createTask(owner.api(), key, "Design", null);
        String reports = "/api/v1/projects/" + key + "/status-reports";
        Response draft = owner.api().post(reports, json("title", "Draft for nobody"));
        Response report = owner.api().post(reports, json("title", "March report"));
        long reportId = report.body().get("id").asLong();
        assertThat(owner.api()
                        .post(reports + "/" + reportId + "/publish", json("version", 0))
                        .status())
                .isEqualTo(200);
        String links = "/api/v1/projects/" + key + "/share-links";

        Response ofDraft = owner.api()
                .post(
                        links,
                        json(
                                "target",
                                "REPORT",
                                "reportId",
                                draft.body().get("id").asLong()));
        assertThat(ofDraft.status()).isEqualTo(400);
        assertThat(errorFields(ofDraft)).containsExactly("reportId");
        Response created = owner.api().post(links, json("target", "REPORT", "reportId", reportId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.body().get("token").asString();

        HttpResponse<String> page = open("/share/" + token, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("March report")
                .contains("Status by area")
                .doesNotContain("Draft for nobody");
        assertThat(page.body()).doesNotContain("<form").doesNotContain("/api/");

        HttpResponse<byte[]> pdf;
        try {
            pdf = BROWSER.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/share/" + token + "/report.pdf"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    void aReportOfAnotherProjectCannotBeShared() {
        TestUser owner = newUser("shareowner");
        String mine = newProject(owner);
        String other = newProject(owner);
        String reports = "/api/v1/projects/" + other + "/status-reports";
        long reportId = owner.api().post(reports, json()).body().get("id").asLong();
        owner.api().post(reports + "/" + reportId + "/publish", json("version", 0));

        Response refused = owner.api()
                .post("/api/v1/projects/" + mine + "/share-links", json("target", "REPORT", "reportId", reportId));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorFields(refused)).containsExactly("reportId");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        TestUser owner = newUser("shareowner");
        String key = newProject(owner);
        String links = "/api/v1/projects/" + key + "/share-links";

        Response none = owner.api().post(links, null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(errorFields(none)).containsExactly("target");

        Response bad = owner.api()
                .post(
                        links,
                        json(
                                "target",
                                "GANTT?",
                                "label",
                                "x".repeat(201),
                                "password",
                                "short",
                                "expiresOn",
                                LocalDate.now().minusDays(2)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("target", "label", "password", "expiresOn");
        Response far = owner.api().post(links, json("target", "DASHBOARD", "expiresOn", "2999-01-01"));
        assertThat(errorFields(far)).containsExactly("expiresOn");
        Response notADate = owner.api().post(links, json("target", "DASHBOARD", "expiresOn", "soon"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(owner.api().get(links).body().size()).isZero();
    }

    @Test
    void tokensAppearInNoLogLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            Shared shared = dashboardLink(json("target", "DASHBOARD", "password", "sponsor-2026"));
            open("/share/" + shared.token(), null);
            post("/share/" + shared.token(), "password=wrong-wrong");
            shared.owner().api().delete(shared.links() + "/" + shared.id());
            open("/share/" + shared.token(), null);

            assertThat(logs.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains(shared.token()));
        } finally {
            root.detachAppender(logs);
        }
    }

    private HttpResponse<String> open(String path, String header) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (header != null) {
            request.header(header, "1");
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String path, String form) {
        String[] pair = form.split("=", 2);
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        pair[0] + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8)))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
