package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The security audit log through the API: one change of each kind makes exactly one row with who,
 * from where, and the old and new value; a change that is refused (409, 400, 401 on a revoke of
 * someone else's token) leaves no row; filters and paging; only admins read it.
 */
class AuditIT extends ApiIntegrationTest {

    private static final String TOKENS = "/api/v1/auth/tokens";

    @Test
    void tokenCreationAndRevocationAreRecordedWithTheTokenThatDidIt() {
        TestUser user = newUser("auditor");
        Response created = anonymous()
                .forwardedFor("203.0.113.9")
                .post(TOKENS, json("email", user.email(), "password", user.password(), "name", "laptop"));
        assertThat(created.status()).isEqualTo(201);
        long tokenId = created.body().get("id").asLong();
        ApiClient laptop = new ApiClient(baseUrl(), created.body().get("token").asString());

        assertThat(laptop.delete(TOKENS + "/999999999").status()).isEqualTo(404);
        assertThat(laptop.delete(TOKENS + "/" + tokenId).status()).isEqualTo(204);

        List<JsonNode> rows = audit("person=" + enc(user.email()) + "&kind=TOKEN_CREATED&kind=TOKEN_REVOKED");
        // Newest first: the revocation, the laptop token, then the tokens newUser made.
        assertThat(rows)
                .extracting(row -> row.get("kind").asString())
                .startsWith("TOKEN_REVOKED", "TOKEN_CREATED", "TOKEN_CREATED");
        assertThat(audit("person=" + enc(user.email()) + "&kind=TOKEN_REVOKED")).hasSize(1);
        JsonNode revoked = rows.get(0);
        assertThat(revoked.get("actorId").asLong()).isEqualTo(user.id());
        assertThat(revoked.get("tokenId").asLong()).as("revoked with itself").isEqualTo(tokenId);
        assertThat(revoked.get("detail").asString()).contains("laptop");
        JsonNode laptopCreated = rows.get(1);
        assertThat(laptopCreated.get("actorEmail").asString()).isEqualTo(user.email());
        assertThat(laptopCreated.get("subjectId").asLong()).isEqualTo(user.id());
        assertThat(laptopCreated.get("address").asString()).isEqualTo("203.0.113.9");
        assertThat(laptopCreated.get("detail").asString()).contains("token " + tokenId, "laptop");
        JsonNode invited = single(audit("person=" + enc(user.email()) + "&kind=USER_CREATED"));
        assertThat(invited.get("actorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(invited.get("newValue").asString()).isEqualTo("user");
    }

    @Test
    void failedLoginsAndTheLockoutAreRecordedThoughTheLoginFails() {
        TestUser user = newUser("guessed");
        for (int i = 0; i < 10; i++) {
            Response failed = anonymous()
                    .forwardedFor("198.51.100.30")
                    .post(TOKENS, json("email", user.email(), "password", "wrong-guess-" + i));
            assertThat(failed.status()).isEqualTo(401);
        }
        assertThat(anonymous()
                        .post(TOKENS, json("email", user.email(), "password", user.password()))
                        .status())
                .isEqualTo(429);

        List<JsonNode> failures = audit("person=" + enc(user.email()) + "&kind=LOGIN_FAILED");
        assertThat(failures).hasSize(10).allSatisfy(row -> {
            assertThat(row.get("actorId").isNull()).as("nobody was signed in").isTrue();
            assertThat(row.get("subjectId").asLong()).isEqualTo(user.id());
            assertThat(row.get("address").asString()).isEqualTo("198.51.100.30");
        });
        List<JsonNode> locks = audit("person=" + enc(user.email()) + "&kind=LOGIN_LOCKED");
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0).get("detail").asString()).contains("account locked", "10 failed logins");

        String nobody = "nobody-" + newKey().toLowerCase() + "@gantry.test";
        anonymous().post(TOKENS, json("email", nobody, "password", "whatever-it-is"));
        List<JsonNode> unknown = audit("person=" + enc(nobody));
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).get("subjectId").isNull()).isTrue();
        assertThat(unknown.get(0).get("detail").asString()).contains("no such account");
    }

    @Test
    void systemRoleChangesAndDeactivationsHaveOldAndNewValuesAndAStaleChangeLeavesNoRow() {
        TestUser user = newUser("promoted");
        Response stale = admin().patch("/api/v1/users/" + user.id(), json("systemAdmin", true, "version", 99));
        assertThat(stale.status()).isEqualTo(409);
        Response invalid =
                admin().patch("/api/v1/users/" + user.id(), json("systemAdmin", true, "name", "", "version", 1));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(audit("person=" + user.id() + "&kind=SYSTEM_ROLE_CHANGED")).isEmpty();

        int version =
                admin().get("/api/v1/users/" + user.id()).body().get("version").asInt();
        Response promoted = admin().patch("/api/v1/users/" + user.id(), json("systemAdmin", true, "version", version));
        assertThat(promoted.status()).isEqualTo(200);
        Response deactivated =
                admin().patch("/api/v1/users/" + user.id(), json("active", false, "version", version + 1));
        assertThat(deactivated.status()).isEqualTo(200);

        JsonNode role = single(audit("person=" + user.id() + "&kind=SYSTEM_ROLE_CHANGED"));
        assertThat(role.get("oldValue").asString()).isEqualTo("user");
        assertThat(role.get("newValue").asString()).isEqualTo("system admin");
        assertThat(role.get("actorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(role.get("tokenId").isNull()).as("the admin used a token").isFalse();
        JsonNode off = single(audit("person=" + user.id() + "&kind=USER_DEACTIVATED"));
        assertThat(off.get("oldValue").asString()).isEqualTo("active");
        assertThat(off.get("newValue").asString()).isEqualTo("deactivated");
    }

    @Test
    void projectRoleChangesAreRecordedOncePerChangeAndNotWhenRefused() {
        TestUser owner = newUser("owner");
        TestUser member = newUser("member");
        String project = newProject(owner);
        addMember(owner.api(), project, member, "MEMBER");
        String path = "/api/v1/projects/" + project + "/members/" + member.id();
        assertThat(owner.api()
                        .patch(path, json("role", "MANAGER", "version", 7))
                        .status())
                .isEqualTo(409);
        assertThat(owner.api()
                        .patch(path, json("role", "MANAGER", "version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(owner.api().delete(path).status()).isEqualTo(204);
        assertThat(owner.api().delete(path).status()).as("already gone").isEqualTo(404);
        List<JsonNode> rows = audit("person=" + member.id() + "&kind=PROJECT_ROLE_CHANGED");
        assertThat(rows.stream()
                        .map(row -> row.get("project").asString() + " " + text(row.get("oldValue")) + " -> "
                                + text(row.get("newValue")))
                        .toList())
                .containsExactly(
                        project + " MANAGER -> null", project + " MEMBER -> MANAGER", project + " null -> MEMBER");
        assertThat(rows.get(rows.size() - 1).get("actorId").asLong()).isEqualTo(owner.id());
    }

    @Test
    void passwordChangesAndResetsAreRecordedButNotARefusedChange() {
        TestUser user = newUser("changer");
        Response weak = user.api()
                .post("/api/v1/me/password", json("currentPassword", user.password(), "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        // newUser changed the one-time password once already.
        assertThat(audit("person=" + user.id() + "&kind=PASSWORD_CHANGED")).hasSize(1);
        Response changed = user.api()
                .post(
                        "/api/v1/me/password",
                        json("currentPassword", user.password(), "newPassword", "violet-harbour-lantern-42"));
        assertThat(changed.status()).as(changed.toString()).isIn(200, 204);
        assertThat(admin().post("/api/v1/users/" + user.id() + "/password-reset", null)
                        .status())
                .isEqualTo(200);

        List<JsonNode> changes = audit("person=" + user.id() + "&kind=PASSWORD_CHANGED");
        assertThat(changes).hasSize(2);
        JsonNode change = changes.get(0);
        assertThat(change.get("actorId").asLong()).isEqualTo(user.id());
        assertThat(change.toString()).doesNotContain("violet-harbour-lantern-42");
        JsonNode reset = single(audit("person=" + user.id() + "&kind=PASSWORD_RESET"));
        assertThat(reset.get("actorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(reset.get("subjectId").asLong()).isEqualTo(user.id());
    }

    @Test
    void theLogFiltersByKindAndDaysAndPages() {
        TestUser user = newUser("paged");
        for (int i = 0; i < 3; i++) {
            token(user.email(), user.password());
        }
        String person = "person=" + enc(user.email());
        int tokensBefore = audit(person + "&kind=TOKEN_CREATED").size() - 3;
        int allBefore = audit(person).size() - 3;
        assertThat(audit(person + "&kind=USER_CREATED")).hasSize(1);
        assertThat(audit(person + "&kind=TOKEN_CREATED&kind=USER_CREATED")).hasSize(tokensBefore + 3 + 1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(audit(person + "&from=" + today + "&to=" + today)).hasSize(allBefore + 3);
        assertThat(audit(person + "&from=" + today.plusDays(1))).isEmpty();
        assertThat(audit(person + "&to=" + today.minusDays(1))).isEmpty();

        Response second = admin().get("/api/v1/admin/audit?" + person + "&size=2&page=1");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("total").asLong()).isEqualTo(allBefore + 3);
        assertThat(second.body().get("page").asInt()).isEqualTo(1);
        assertThat(second.body().get("items").size()).isEqualTo(2);
    }

    @Test
    void onlyAdminsReadTheLogAndBadFiltersAreNamed() {
        TestUser user = newUser("curious");
        Response refused = user.api().get("/api/v1/admin/audit");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous().get("/api/v1/admin/audit").status()).isEqualTo(401);

        assertThat(errorFields(admin().get("/api/v1/admin/audit?kind=COFFEE"))).containsExactly("kind");
        assertThat(errorFields(admin().get("/api/v1/admin/audit?from=yesterday")))
                .containsExactly("from");
        assertThat(errorFields(admin().get("/api/v1/admin/audit?from=2026-05-02&to=2026-05-01")))
                .containsExactly("to");
        assertThat(errorFields(admin().get("/api/v1/admin/audit?size=0&page=-1")))
                .containsExactlyInAnyOrder("size", "page");
        assertThat(errorFields(admin().get("/api/v1/admin/audit?from=%2B999999999-12-31")))
                .containsExactly("from");
        assertThat(errorFields(admin().get("/api/v1/admin/audit?person=%00"))).containsExactly("person");
        assertThat(admin().get("/api/v1/admin/audit?person=%25_%5C").status()).isEqualTo(200);
    }

    private List<JsonNode> audit(String query) {
        Response response = admin().get("/api/v1/admin/audit?size=500&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("items").valueStream().toList();
    }

    private static JsonNode single(List<JsonNode> rows) {
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
