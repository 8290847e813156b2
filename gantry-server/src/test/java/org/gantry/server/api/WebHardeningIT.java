package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The smaller findings of the attack run: anonymous writes are told to authenticate, a NUL in a search
 * is a 400, CSV cells cannot start a formula, the OpenAPI document shows no internal parameter, and the
 * session cookie and headers are what a browser needs to protect the user.
 */
class WebHardeningIT extends ApiIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anonymousWritesAreTold401NotAboutCsrf() throws Exception {
        for (String method : List.of("POST", "PATCH", "PUT", "DELETE")) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/projects/DEMO"))
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + response.body()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("CSRF");
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        }
    }

    @Test
    void aNulInASearchIsA400NamingTheParameter() {
        TestUser owner = newUser("searcher");
        String project = newProject(owner);
        for (String path : List.of(
                "/api/v1/projects?q=%00",
                "/api/v1/projects?q=a%00b", "/api/v1/users?q=%00", "/api/v1/projects/" + project + "/tasks?q=%00")) {
            Response response = admin().get(path);
            assertThat(response.status()).as(path + " " + response).isEqualTo(400);
            assertThat(response.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("q");
        }
    }

    @Test
    void pathsTomcatRefusesAndBodiesOfTheWrongTypeAreProblemsToo() {
        // Tomcat refuses an encoded NUL in the path before Spring sees the request.
        Response nulInPath = admin().patch("/api/v1/projects/%00/comments/abc", json("body", "x", "version", 1));
        assertThat(nulInPath.status()).isEqualTo(400);
        assertThat(nulInPath.header("Content-Type")).startsWith("application/problem+json");
        assertThat(nulInPath.body().get("status").asInt()).isEqualTo(400);
        assertThat(nulInPath.body().get("detail").asString()).contains("refused before it reached Gantry");

        // A request line over Tomcat's 8 KB header limit is refused before its path is even read.
        Response hugeQuery = admin().post(
                        "/api/v1/projects/import?key=" + "x".repeat(5000) + "&name=" + "x".repeat(5000),
                        json("file", "plan.mpp"));
        assertThat(hugeQuery.status()).isEqualTo(400);
        assertThat(hugeQuery.header("Content-Type")).startsWith("application/problem+json");
        assertThat(hugeQuery.body().get("detail").asString()).contains("refused before it reached Gantry");

        // An import takes multipart only: no endpoint matches a JSON body, so no controller answers it.
        Response jsonImport = admin().post("/api/v1/projects/import", json("file", "plan.mpp"));
        assertThat(jsonImport.status()).isEqualTo(415);
        assertThat(jsonImport.header("Content-Type")).startsWith("application/problem+json");
        assertThat(jsonImport.body().get("detail").asString()).contains("multipart/form-data");
    }

    @Test
    void requestsTheFirewallRefusesAreA400ProblemNotA500() {
        TestUser owner = newUser("firewall");
        String project = newProject(owner);
        long task = createTask(owner.api(), project, json("name", "Walls"))
                .get("id")
                .asLong();
        // A form body whose parameter name holds a NUL: refused when the parameters are first read.
        Response form = owner.api()
                .sendRaw(
                        "POST",
                        "/api/v1/projects/" + project + "/tasks/" + task + "/comments",
                        "application/x-www-form-urlencoded",
                        "{\"body\":\"%00\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).as(form.toString()).isBetween(400, 499);
        for (String path :
                List.of("/api/v1/projects/%00", "/api/v1/projects/a%2F..%2F..%2Fb", "/api/v1/projects/%25")) {
            Response response = owner.api().get(path);
            assertThat(response.status()).as(path + " " + response).isBetween(400, 499);
        }
    }

    @Test
    void csvCellsThatWouldStartAFormulaAreNeutralised() {
        TestUser owner = newUser("exporter");
        String project = newProject(owner);
        for (String name : List.of("-2+3+cmd|' /C calc'!A0", "=HYPERLINK(\"x\")", "+1", "@SUM(A1)")) {
            createTask(owner.api(), project, json("name", name));
        }
        Response csv = owner.api().get("/api/v1/projects/" + project + "/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        String text = csv.raw().body();
        assertThat(text).contains("\"'-2+3+cmd|' /C calc'!A0\"", "'=HYPERLINK", "\"'+1\"", "\"'@SUM(A1)\"");
        assertThat(text.lines()).noneMatch(line -> line.matches("(^|.*,)[-=+@].*") && !line.contains("'"));
    }

    @Test
    void theOpenApiDocumentShowsNoInternalUserParameter() {
        JsonNode document = anonymous().get("/api/docs/openapi.json").body();
        assertThat(document.get("paths").isObject()).isTrue();
        int operations = 0;
        for (JsonNode path : document.get("paths")) {
            for (JsonNode operation : path) {
                operations++;
                if (operation.has("parameters")) {
                    for (JsonNode parameter : operation.get("parameters")) {
                        assertThat(parameter.get("name").asString())
                                .as(operation.path("operationId").asString())
                                .isNotEqualTo("user");
                    }
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
    }

    @Test
    void theSessionCookieIsSameSiteLax() throws Exception {
        TestUser user = newUser("cookie");
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> loggedIn = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=" + encode(user.email()) + "&password="
                                + encode(user.password()) + "&_csrf=" + csrf(page.body())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        List<String> cookies = new java.util.ArrayList<>(page.headers().allValues("Set-Cookie"));
        cookies.addAll(loggedIn.headers().allValues("Set-Cookie"));
        assertThat(cookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
                .containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("HttpOnly"));
    }

    @Test
    void hstsOnlyOverHttpsAndAPermissionsPolicyEverywhere() throws Exception {
        for (String path : List.of("/login", "/api/v1/me")) {
            HttpResponse<String> plain = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.headers().firstValue("Strict-Transport-Security"))
                    .as("plain HTTP")
                    .isEmpty();
            assertThat(plain.headers().firstValue("Permissions-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "geolocation=()"));

            // The test's loopback address is a trusted proxy by default: it terminated TLS.
            HttpResponse<String> proxied = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header("X-Forwarded-Proto", "https")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                    .as(path + " behind a TLS proxy")
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String csrf(String html) {
        Matcher matcher =
                Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (matcher.find()) {
            return matcher.group(1);
        }
        Matcher reversed =
                Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(html);
        assertThat(reversed.find()).as("a CSRF field on the login page").isTrue();
        return reversed.group(1);
    }
}
