package org.gantry.server.api;

import java.util.List;
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
}
