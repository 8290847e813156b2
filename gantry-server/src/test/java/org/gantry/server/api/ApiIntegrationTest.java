package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gantry.server.api.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Base of the API integration tests: {@link GantryIntegrationTest}'s server, reached through
 * {@link GantryApi}, whose people and factories it offers under short names. Tests never wipe the
 * database; each creates its own users and projects.
 */
@GantryIntegrationTest
abstract class ApiIntegrationTest {

    static final String ADMIN_EMAIL = GantryIntegrationTest.ADMIN_EMAIL;
    static final String ADMIN_PASSWORD = GantryIntegrationTest.ADMIN_PASSWORD;

    @LocalServerPort
    int port;

    GantryApi gantry() {
        return GantryApi.onPort(port);
    }

    String baseUrl() {
        return gantry().baseUrl();
    }

    ApiClient anonymous() {
        return gantry().anonymous();
    }

    ApiClient admin() {
        return gantry().admin();
    }

    String token(String email, String password) {
        return gantry().token(email, password);
    }

    /** See {@link GantryApi#newUser}. */
    TestUser newUser(String label) {
        return gantry().newUser(label);
    }

    /** See {@link GantryApi#newUserOnOneTimePassword}. */
    TestUser newUserOnOneTimePassword(String label) {
        return gantry().newUserOnOneTimePassword(label);
    }

    String chooseOwnPassword(String email, String oneTimePassword) {
        return gantry().chooseOwnPassword(email, oneTimePassword);
    }

    static String newKey() {
        return GantryApi.newKey();
    }

    static String newProject(TestUser owner) {
        return GantryApi.newProject(owner);
    }

    static void addMember(ApiClient manager, String project, TestUser user, String role) {
        GantryApi.addMember(manager, project, user, role);
    }

    static JsonNode createTask(ApiClient api, String project, Object body) {
        return GantryApi.createTask(api, project, body);
    }

    static JsonNode createTask(ApiClient api, String project, String name, Long parentId) {
        return GantryApi.createTask(api, project, name, parentId);
    }

    static List<String> outline(ApiClient api, String project) {
        return GantryApi.outline(api, project);
    }

    static List<String> errorFields(Response response) {
        return GantryApi.errorFields(response);
    }

    static String newProjectStarting(ApiClient api, String name, LocalDate start) {
        return GantryApi.newProjectStarting(api, name, start);
    }

    static long taskId(ApiClient api, String project, Object body) {
        return GantryApi.taskId(api, project, body);
    }

    static void link(ApiClient api, String project, long predecessor, long successor) {
        GantryApi.link(api, project, predecessor, successor);
    }

    static void link(TestUser owner, String project, long predecessor, long successor) {
        GantryApi.link(owner.api(), project, predecessor, successor);
    }

    static JsonNode created(Response response) {
        return GantryApi.created(response);
    }

    static JsonNode ok(Response response) {
        return GantryApi.ok(response);
    }

    /** An HTTP client that keeps cookies, as a browser does: for tests of the sign-in forms without one. */
    static HttpClient browserLike() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    /** GET of a page with the cookies of {@code browser}. */
    HttpResponse<String> getPage(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a URL-encoded form with the cookies of {@code browser}; redirects are not followed. */
    HttpResponse<String> postForm(HttpClient browser, String path, String form)
            throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of the form in {@code page}, URL-encoded for a form body (fails when there is none). */
    static String csrfToken(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the form carries a CSRF token").isTrue();
        return urlEncoded(matcher.group(1));
    }

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
