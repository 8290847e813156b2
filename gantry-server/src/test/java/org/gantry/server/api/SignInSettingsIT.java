package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * The sign-in settings on a server without an OpenID Connect provider: readable and changeable by
 * admins only, and single-sign-on-only cannot be turned on (nobody could sign in but admins).
 */
class SignInSettingsIT extends ApiIntegrationTest {

    private static final String PATH = "/api/v1/admin/sign-in";

    @Test
    void withoutAProviderPasswordsCannotBeTurnedOff() {
        Response settings = admin().get(PATH);
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body().get("ssoOnly").asBoolean()).isFalse();
        assertThat(settings.body().get("provider").get("configured").asBoolean())
                .isFalse();
        int version = settings.body().get("version").asInt();

        Response refused = admin().send("PUT", PATH, json("ssoOnly", true, "version", version));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("GANTRY_OIDC_ISSUER");
        assertThat(errorFields(admin().send("PUT", PATH, json("ssoOnly", null, "version", null))))
                .containsExactlyInAnyOrder("ssoOnly", "version");
        assertThat(admin().send("PUT", PATH, "{\"ssoOnly\": \"perhaps\"}").status())
                .isEqualTo(400);
        assertThat(admin().send("PUT", PATH, json("ssoOnly", false, "version", version + 50))
                        .status())
                .isEqualTo(409);
        Response unchanged = admin().send("PUT", PATH, json("ssoOnly", false, "version", version));
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.body().get("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void onlyAdminsSeeAndChangeHowPeopleSignIn() {
        TestUser user = newUser("signin");
        assertThat(user.api().get(PATH).status()).isEqualTo(403);
        Response put = user.api().send("PUT", PATH, json("ssoOnly", false, "version", 0));
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous().get(PATH).status()).isEqualTo(401);
    }
}
