package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthenticationIT extends ApiIntegrationTest {

    private static final String TOKENS = "/api/v1/auth/tokens";

    @Test
    void aTokenFromEmailAndPasswordWorksUntilRevoked() {
        TestUser user = newUser("token");
        Response created = anonymous()
                .post("/api/v1/auth/tokens", json("email", user.email(), "password", user.password(), "name", "ci"));
        assertThat(created.status()).isEqualTo(201);
        String token = created.body().get("token").asString();
        ApiClient withToken = new ApiClient(baseUrl(), token);
        assertThat(withToken.get("/api/v1/me").body().get("email").asString()).isEqualTo(user.email());
        Response listed = withToken.get("/api/v1/auth/tokens");
        assertThat(listed.body().valueStream().map(t -> t.get("name").asString()))
                .contains("ci");
        assertThat(listed.body().toString()).as("the secret is never listed").doesNotContain(token);

        assertThat(withToken
                        .delete("/api/v1/auth/tokens/"
                                + created.body().get("id").asLong())
                        .status())
                .isEqualTo(204);
        Response afterRevoke = withToken.get("/api/v1/me");
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.header("Content-Type")).startsWith("application/problem+json");
        assertThat(user.api().get("/api/v1/me").status())
                .as("other tokens still work")
                .isEqualTo(200);
    }

    @Test
    void theApiAnswers401ProblemsWithoutCredentialsOrWithAWrongToken() {
        Response anonymousCall = anonymous().get("/api/v1/projects");
        assertThat(anonymousCall.status()).isEqualTo(401);
        assertThat(anonymousCall.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymousCall.body().get("status").asInt()).isEqualTo(401);
        assertThat(new ApiClient(baseUrl(), "gty_forged")
                        .get("/api/v1/projects")
                        .status())
                .isEqualTo(401);
        Response wrongPassword = anonymous()
                .post("/api/v1/auth/tokens", json("email", ADMIN_EMAIL, "password", "wrong-password-" + newKey()));
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedUserCanNoLongerUseTheApi() {
        TestUser user = newUser("leaver");
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(200);
        int version =
                admin().get("/api/v1/users/" + user.id()).body().get("version").asInt();
        Response deactivated = admin().patch("/api/v1/users/" + user.id(), json("active", false, "version", version));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(401);
        Response login =
                anonymous().post("/api/v1/auth/tokens", json("email", user.email(), "password", user.password()));
        assertThat(login.status()).isEqualTo(401);
        assertThat(user.api().get("/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsInviteAndDeactivateUsers() {
        TestUser user = newUser("plain");
        assertThat(user.api()
                        .post("/api/v1/users", json("email", "x" + newKey() + "@gantry.test", "name", "X"))
                        .status())
                .isEqualTo(403);
        assertThat(user.api()
                        .patch("/api/v1/users/" + user.id(), json("active", false, "version", 0))
                        .status())
                .isEqualTo(403);
        assertThat(user.api().get("/api/v1/users").status())
                .as("the directory is readable")
                .isEqualTo(200);
        Response found = user.api().get("/api/v1/users?size=1&q=" + user.email());
        assertThat(found.body().get("total").asLong()).isEqualTo(1);
        assertThat(found.body().get("items").get(0).get("id").asLong()).isEqualTo(user.id());
        assertThat(errorFields(user.api().get("/api/v1/users?size=0"))).containsExactly("size");
    }

    @Test
    void aOneTimePasswordOpensNothingButThePasswordChange() throws Exception {
        TestUser user = newUserOnOneTimePassword("fresh");
        String project = newProject(newUser("owner"));

        Response refused = user.api().get("/api/v1/projects");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body().get("title").asString()).isEqualTo("Password change required");
        assertThat(refused.body().get("detail").asString()).contains("POST /api/v1/me/password");
        assertThat(user.api()
                        .post("/api/v1/projects", json("key", newKey(), "name", "Not yet"))
                        .status())
                .isEqualTo(403);
        assertThat(user.api().get("/api/v1/projects/" + project).status()).isEqualTo(403);
        assertThat(user.api().get("/api/v1/me").status()).as("who am I").isEqualTo(200);
        assertThat(user.api().get("/api/v1/auth/tokens").status())
                .as("my tokens")
                .isEqualTo(200);

        HttpClient session = logInWithTheForm(user.email(), user.password());
        assertThat(status(session, "/api/v1/projects")).as("session on the API").isEqualTo(403);
        HttpResponse<String> page = session.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/projects")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/account/password?required");

        String own = "chosen by me " + newKey();
        assertThat(user.api()
                        .post("/api/v1/me/password", json("currentPassword", user.password(), "newPassword", own))
                        .status())
                .isEqualTo(204);
        ApiClient renewed = new ApiClient(baseUrl(), token(user.email(), own));
        assertThat(renewed.get("/api/v1/projects").status()).isEqualTo(200);
    }

    @Test
    void anInvitedUserChangesTheOneTimePassword() {
        TestUser user = newUserOnOneTimePassword("newbie");
        assertThat(user.api().get("/api/v1/me").body().get("mustChangePassword").asBoolean())
                .isTrue();
        assertThat(errorFields(user.api()
                        .post("/api/v1/me/password", json("currentPassword", user.password(), "newPassword", "short"))))
                .containsExactly("newPassword");
        Response changed = user.api()
                .post(
                        "/api/v1/me/password",
                        json("currentPassword", user.password(), "newPassword", "a-much-longer-password"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(user.api().get("/api/v1/me").status())
                .as("the token made with the one-time password is revoked")
                .isEqualTo(401);
        ApiClient renewed = new ApiClient(baseUrl(), token(user.email(), "a-much-longer-password"));
        assertThat(renewed.get("/api/v1/me").body().get("mustChangePassword").asBoolean())
                .isFalse();
    }

    @Test
    void aNewPasswordMustBeLongUncommonAndNotTheirOwnButMayBeFarLongerThanBcryptReads() {
        TestUser user = newUser("policy");
        for (String weak : java.util.List.of(
                "eleven-char", "aaaaaaaaaaaaaa", "password1234", "qwertyuiopasdf", user.email(), "x".repeat(129))) {
            assertThat(errorFields(user.api()
                            .post(
                                    "/api/v1/me/password",
                                    json("currentPassword", user.password(), "newPassword", weak))))
                    .as(weak)
                    .containsExactly("newPassword");
        }
        String longOne = "a long passphrase with accents, é ü ö, " + "x9".repeat(40); // 119 characters, 122 bytes
        Response changed = user.api()
                .post("/api/v1/me/password", json("currentPassword", user.password(), "newPassword", longOne));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(token(user.email(), longOne)).startsWith("gty_");
        Response almost =
                anonymous().post(TOKENS, json("email", user.email(), "password", longOne.substring(0, 118) + "8"));
        assertThat(almost.status())
                .as("every character counts, also past 72 bytes")
                .isEqualTo(401);
    }

    @Test
    void tenFailedLoginsLockTheAccountFromEveryAddressForOneWindowButNotTheAddress() {
        TestUser user = newUser("target");
        TestUser colleague = newUser("colleague");
        String attacker = someAddress();
        for (int i = 0; i < 10; i++) {
            Response failed = anonymous()
                    .forwardedFor(attacker)
                    .post(TOKENS, json("email", user.email(), "password", "guess-number-" + i));
            assertThat(failed.status()).as("failure " + (i + 1)).isEqualTo(401);
        }
        Instant lockedAt = Instant.now();

        Response blocked = anonymous()
                .forwardedFor(someAddress())
                .post(TOKENS, json("email", user.email(), "password", user.password()));
        assertThat(blocked.status())
                .as("even the right password, from another address, waits")
                .isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blocked.body().get("detail").asString()).contains("ask an admin");

        Response sameAddressOtherAccount = anonymous()
                .forwardedFor(attacker)
                .post(TOKENS, json("email", colleague.email(), "password", colleague.password()));
        assertThat(sameAddressOtherAccount.status())
                .as("the address is not locked: others behind it still log in")
                .isEqualTo(201);

        JsonNode lock = loginLock("account", user.email());
        Instant until = Instant.parse(lock.get("lockedUntil").asString());
        assertThat(until)
                .as("locked for one window (15 minutes), no longer")
                .isAfter(lockedAt.plus(Duration.ofMinutes(14)))
                .isBefore(lockedAt.plus(Duration.ofMinutes(16)));
        assertThat(lock.get("reason").asString()).contains("failed logins for this account");
    }

    @Test
    void anAdminClearsALoginLockAndItsOwnerLogsInAtOnce() {
        TestUser user = newUser("locked-out");
        for (int i = 0; i < 10; i++) {
            anonymous().post(TOKENS, json("email", user.email(), "password", "not-my-password-" + i));
        }
        assertThat(anonymous()
                        .post(TOKENS, json("email", user.email(), "password", user.password()))
                        .status())
                .isEqualTo(429);
        long id = loginLock("account", user.email()).get("id").asLong();

        Response notAdmin = user.api().delete("/api/v1/admin/login-locks/" + id);
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin().delete("/api/v1/admin/login-locks/" + id).status()).isEqualTo(204);

        assertThat(token(user.email(), user.password())).startsWith("gty_");
        assertThat(admin().delete("/api/v1/admin/login-locks/" + id).status())
                .as("the lock is gone")
                .isEqualTo(404);
    }

    @Test
    void successfulLoginsDoNotCountAndForgetEarlierFailures() {
        TestUser user = newUser("forgetful");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 9; i++) {
                assertThat(anonymous()
                                .post(TOKENS, json("email", user.email(), "password", "typo-" + round + "-" + i))
                                .status())
                        .isEqualTo(401);
            }
            assertThat(token(user.email(), user.password()))
                    .as("18 failures in all, but never 10 without a success between")
                    .startsWith("gty_");
        }
    }

    /** The lock in force on this account or address, as the admin API lists it. */
    private JsonNode loginLock(String kind, String subject) {
        Response locks = admin().get("/api/v1/admin/login-locks");
        assertThat(locks.status()).as(locks.toString()).isEqualTo(200);
        return locks.body()
                .valueStream()
                .filter(lock -> lock.get("kind").asString().equals(kind)
                        && lock.get("subject").asString().equals(subject.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " lock for " + subject + " in " + locks));
    }

    /** A documentation address (RFC 5737) of its own per call, as a client behind the local proxy. */
    static String someAddress() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @Test
    void theLoginFormLogsInWithCsrfAndIsRateLimited() throws Exception {
        TestUser user = newUser("browser");
        HttpClient browser = browserLike();
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"email\"", "name=\"password\"");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> withoutCsrf = postForm(
                browser, "/login", "email=" + urlEncoded(user.email()) + "&password=" + urlEncoded(user.password()));
        assertThat(withoutCsrf.statusCode())
                .as("a form post without the CSRF token is refused")
                .isEqualTo(403);

        HttpResponse<String> loggedIn = postForm(
                browser,
                "/login",
                "email=" + urlEncoded(user.email()) + "&password=" + urlEncoded(user.password()) + "&_csrf="
                        + csrfToken(page.body()));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> me = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as("the session authenticates API calls").isEqualTo(200);
        assertThat(me.body()).contains(user.email());
        HttpResponse<String> sessionPostWithoutCsrf = browser.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/projects"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + newKey() + "\",\"name\":\"x\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sessionPostWithoutCsrf.statusCode())
                .as("session writes need the CSRF header")
                .isEqualTo(403);

        HttpClient attacker = browserLike();
        String loginPage = attacker.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> failed = postForm(
                    attacker,
                    "/login",
                    "email=" + urlEncoded(user.email()) + "&password=wrong" + i + "&_csrf=" + csrfToken(loginPage));
            assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> locked = postForm(
                attacker,
                "/login",
                "email=" + urlEncoded(user.email()) + "&password=" + urlEncoded(user.password()) + "&_csrf="
                        + csrfToken(loginPage));
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
    }

    @Test
    void aDeactivatedUsersSessionStopsWorking() throws Exception {
        TestUser user = newUser("session");
        HttpClient browser = browserLike();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> loggedIn = postForm(
                browser,
                "/login",
                "email=" + urlEncoded(user.email()) + "&password=" + urlEncoded(user.password()) + "&_csrf="
                        + csrfToken(page));
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpRequest me =
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).build();
        assertThat(browser.send(me, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        int version =
                admin().get("/api/v1/users/" + user.id()).body().get("version").asInt();
        assertThat(admin().patch("/api/v1/users/" + user.id(), json("active", false, "version", version))
                        .status())
                .isEqualTo(200);

        assertThat(browser.send(me, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndRevokesTokensButKeepsTheCurrentSession() throws Exception {
        TestUser user = newUser("changer");
        HttpClient here = logInWithTheForm(user.email(), user.password());
        HttpClient elsewhere = logInWithTheForm(user.email(), user.password());
        String form = here.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/account/password"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> changed = postForm(
                here,
                "/account/password",
                "currentPassword=" + urlEncoded(user.password()) + "&newPassword="
                        + urlEncoded("fresh-correct-horse-staple") + "&_csrf=" + csrfToken(form));
        assertThat(changed.statusCode()).isEqualTo(302);

        assertThat(status(here, "/api/v1/me"))
                .as("the session that changed it stays")
                .isEqualTo(200);
        assertThat(status(elsewhere, "/api/v1/me")).as("another session ends").isEqualTo(401);
        assertThat(user.api().get("/api/v1/me").status())
                .as("API tokens are revoked")
                .isEqualTo(401);
        assertThat(token(user.email(), "fresh-correct-horse-staple")).startsWith("gty_");
    }

    @Test
    void anAdminsPasswordResetEndsEverySessionAndRevokesEveryToken() throws Exception {
        TestUser user = newUser("forgot");
        HttpClient session = logInWithTheForm(user.email(), user.password());
        assertThat(status(session, "/api/v1/me")).isEqualTo(200);

        Response reset = admin().post("/api/v1/users/" + user.id() + "/password-reset", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        assertThat(status(session, "/api/v1/me")).isEqualTo(401);
        assertThat(user.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(token(user.email(), reset.body().get("oneTimePassword").asString()))
                .startsWith("gty_");
    }

    @Test
    void aDemotedAdminLosesAdminRightsOnTheVeryNextRequest() throws Exception {
        String email = "deputy-" + newKey().toLowerCase(Locale.ROOT) + "@gantry.test";
        Response invited = admin().post("/api/v1/users", json("email", email, "name", "Deputy", "systemAdmin", true));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        long id = invited.body().get("user").get("id").asLong();
        String password =
                chooseOwnPassword(email, invited.body().get("oneTimePassword").asString());
        ApiClient deputy = new ApiClient(baseUrl(), token(email, password));
        HttpClient session = logInWithTheForm(email, password);
        assertThat(deputy.get("/api/v1/admin/login-locks").status()).isEqualTo(200);
        assertThat(status(session, "/api/v1/admin/login-locks")).isEqualTo(200);

        int version = admin().get("/api/v1/users/" + id).body().get("version").asInt();
        assertThat(admin().patch("/api/v1/users/" + id, json("systemAdmin", false, "version", version))
                        .status())
                .isEqualTo(200);

        assertThat(deputy.get("/api/v1/admin/login-locks").status())
                .as("token, at once")
                .isEqualTo(403);
        assertThat(status(session, "/api/v1/admin/login-locks"))
                .as("session, at once")
                .isEqualTo(403);
    }

    private HttpClient logInWithTheForm(String email, String password) throws Exception {
        HttpClient browser = browserLike();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HttpResponse<String> loggedIn = postForm(
                browser,
                "/login",
                "email=" + urlEncoded(email) + "&password=" + urlEncoded(password) + "&_csrf=" + csrfToken(page));
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    private int status(HttpClient browser, String path) throws Exception {
        return browser.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
