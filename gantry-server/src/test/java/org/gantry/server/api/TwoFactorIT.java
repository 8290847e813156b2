package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.identity.Totp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor sign-in through the API: enrolment confirmed by a first code, token creation that needs
 * a code (never the same one twice) or a recovery code (each once), turning it off, an admin's reset,
 * and wrong codes counting against the login limits.
 */
class TwoFactorIT extends ApiIntegrationTest {

    private static final String TOKENS = "/api/v1/auth/tokens";
    private static final String MINE = "/api/v1/me/two-factor";

    /** An enrolled user: their secret and recovery codes. The enrolment used the previous step's code. */
    record Enrolled(TestUser user, String secret, List<String> recoveryCodes) {}

    @Test
    void enrolmentNeedsAFirstCodeAndThenTokensNeedACodeOrARecoveryCodeEachOnce() {
        TestUser user = newUser("twofactor");
        assertThat(user.api().get(MINE).body().get("enabled").asBoolean()).isFalse();
        Response started = user.api().post(MINE, null);
        assertThat(started.status()).isEqualTo(200);
        String secret = started.body().get("secret").asString();
        assertThat(started.body().get("otpauthUri").asString())
                .startsWith("otpauth://totp/Gantry:")
                .contains("secret=" + secret);
        assertThat(user.api().get(MINE).body().get("enrolmentPending").asBoolean())
                .isTrue();
        assertThat(errorFields(user.api().post(MINE + "/confirm", json("code", "000000"))))
                .containsExactly("code");
        assertThat(user.api().post(MINE + "/confirm", null).status()).isEqualTo(400);
        assertThat(tokenRequest(user, null).status())
                .as("not on before it is confirmed")
                .isEqualTo(201);

        Response confirmed = user.api().post(MINE + "/confirm", json("code", code(secret, -30)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        List<String> recovery = confirmed
                .body()
                .get("recoveryCodes")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(user.api().get(MINE).body().get("recoveryCodesLeft").asInt()).isEqualTo(10);
        assertThat(user.api().post(MINE, null).status()).as("already on").isEqualTo(409);

        Response withoutCode = tokenRequest(user, null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.header("Content-Type")).startsWith("application/problem+json");
        assertThat(withoutCode.body().get("twoFactorRequired").asBoolean()).isTrue();
        assertThat(tokenRequest(user, "123456").status()).isEqualTo(401);
        String current = code(secret, 0);
        assertThat(tokenRequest(user, current).status()).isEqualTo(201);
        assertThat(tokenRequest(user, current).status())
                .as("a code is accepted once")
                .isEqualTo(401);
        assertThat(tokenRequest(user, recovery.get(3).toUpperCase()).status()).isEqualTo(201);
        assertThat(tokenRequest(user, recovery.get(3)).status())
                .as("a recovery code works once")
                .isEqualTo(401);
        assertThat(user.api().get(MINE).body().get("recoveryCodesLeft").asInt()).isEqualTo(9);

        List<JsonNode> failures = admin().get("/api/v1/admin/audit?kind=LOGIN_FAILED&person=" + user.id())
                .body()
                .get("items")
                .valueStream()
                .toList();
        assertThat(failures)
                .extracting(row -> row.get("detail").asString())
                .containsOnly("API token request: wrong two-factor code")
                .hasSize(3);
        assertThat(admin().get("/api/v1/admin/audit?kind=TWO_FACTOR_ENABLED&person=" + user.id())
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void turningItOffNeedsACode() {
        Enrolled enrolled = enrol("switcher");
        TestUser user = enrolled.user();
        assertThat(errorFields(user.api().post(MINE + "/disable", json("code", "999999"))))
                .containsExactly("code");
        assertThat(user.api().get(MINE).body().get("enabled").asBoolean()).isTrue();
        assertThat(user.api()
                        .post(MINE + "/disable", json("code", code(enrolled.secret(), 0)))
                        .status())
                .isEqualTo(204);
        assertThat(user.api().get(MINE).body().get("enabled").asBoolean()).isFalse();
        assertThat(user.api().post(MINE + "/disable", json("code", "123456")).status())
                .isEqualTo(409);
        assertThat(tokenRequest(user, null).status()).isEqualTo(201);
        assertThat(admin().get("/api/v1/admin/audit?kind=TWO_FACTOR_DISABLED&person=" + user.id())
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anAdminResetsSomeonesTwoFactorSignIn() {
        Enrolled enrolled = enrol("lostphone");
        TestUser user = enrolled.user();
        TestUser other = newUser("bystander");
        String path = "/api/v1/users/" + user.id() + "/two-factor";
        Response refused = other.api().delete(path);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin().delete(path).status()).isEqualTo(204);
        assertThat(admin().delete(path).status()).as("nothing left to reset").isEqualTo(404);
        assertThat(admin().delete("/api/v1/users/999999999/two-factor").status())
                .isEqualTo(404);
        assertThat(tokenRequest(user, null).status()).isEqualTo(201);
        JsonNode reset = admin().get("/api/v1/admin/audit?kind=TWO_FACTOR_RESET&person=" + user.id())
                .body()
                .get("items")
                .get(0);
        assertThat(reset.get("actorEmail").asString()).isEqualTo(ADMIN_EMAIL);
        assertThat(reset.get("oldValue").asString()).isEqualTo("on");
        assertThat(reset.get("newValue").asString()).isEqualTo("off");
    }

    @Test
    void wrongCodesCountAgainstTheLoginLimits() {
        Enrolled enrolled = enrol("guessed2fa");
        for (int i = 0; i < 10; i++) {
            assertThat(tokenRequest(enrolled.user(), String.format("%06d", i)).status())
                    .isEqualTo(401);
        }
        Response locked = tokenRequest(enrolled.user(), code(enrolled.secret(), 0));
        assertThat(locked.status())
                .as("the right code now waits for the lock to end")
                .isEqualTo(429);
    }

    @Test
    void theLoginPageAsksForTheCodeAfterThePasswordAndWrongCodesLockTheAccount() throws Exception {
        Enrolled enrolled = enrol("pagecode");
        TestUser user = enrolled.user();
        HttpClient browser = browserLike();
        HttpResponse<String> password = postForm(
                browser,
                "/login",
                "email=" + urlEncoded(user.email()) + "&password=" + urlEncoded(user.password()) + "&_csrf="
                        + csrfToken(getPage(browser, "/login").body()));
        assertThat(password.headers().firstValue("Location").orElseThrow()).endsWith("/login/code");
        assertThat(getPage(browser, "/api/v1/me").statusCode())
                .as("not signed in yet")
                .isEqualTo(401);
        HttpResponse<String> codePage = getPage(browser, "/login/code");
        assertThat(codePage.body()).contains(user.email(), "name=\"code\"");
        HttpResponse<String> signedIn = postForm(
                browser, "/login/code", "code=" + code(enrolled.secret(), 0) + "&_csrf=" + csrfToken(codePage.body()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        assertThat(getPage(browser, "/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(admin().get("/api/v1/admin/audit?kind=LOGIN&person=" + user.id())
                        .body()
                        .get("items")
                        .get(0)
                        .get("detail")
                        .asString())
                .isEqualTo("password and two-factor code");

        HttpClient guesser = browserLike();
        postForm(
                guesser,
                "/login",
                "email=" + urlEncoded(user.email()) + "&password=" + urlEncoded(user.password()) + "&_csrf="
                        + csrfToken(getPage(guesser, "/login").body()));
        String last = "";
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = postForm(
                    guesser,
                    "/login/code",
                    "code=" + String.format("%06d", 100 + i) + "&_csrf="
                            + csrfToken(getPage(guesser, "/login/code").body()));
            last = wrong.headers().firstValue("Location").orElseThrow();
            if (i < 9) {
                assertThat(last).endsWith("/login/code?error");
            }
        }
        assertThat(last).as("the tenth wrong code locks the account").endsWith("/login?locked");
        assertThat(getPage(guesser, "/login/code")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("and ends the half-done sign-in")
                .endsWith("/login?codeExpired");
        assertThat(tokenRequest(user, code(enrolled.secret(), 30)).status()).isEqualTo(429);
    }

    private Enrolled enrol(String label) {
        TestUser user = newUser(label);
        String secret = user.api().post(MINE, null).body().get("secret").asString();
        Response confirmed = user.api().post(MINE + "/confirm", json("code", code(secret, -30)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return new Enrolled(
                user,
                secret,
                confirmed
                        .body()
                        .get("recoveryCodes")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList());
    }

    private Response tokenRequest(TestUser user, String otp) {
        return anonymous().post(TOKENS, json("email", user.email(), "password", user.password(), "otp", otp));
    }

    /** The code the app shows {@code offsetSeconds} from now: steps one apart are accepted once each. */
    private static String code(String secret, int offsetSeconds) {
        return Totp.code(secret, Instant.now().plusSeconds(offsetSeconds));
    }
}
