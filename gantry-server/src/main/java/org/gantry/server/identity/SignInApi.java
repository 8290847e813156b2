package org.gantry.server.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

@Tag(name = "Administration")
@GantryApi
class SignInApi {

    private final SignInSettings settings;

    SignInApi(SignInSettings settings) {
        this.settings = settings;
    }

    @Operation(
            summary =
                    "How people sign in: the OpenID Connect provider and whether passwords are refused (system admins)")
    @GetMapping("/api/v1/admin/sign-in")
    SignInSettingsView get(CurrentUser user) {
        return settings.get(user);
    }

    @Operation(
            summary = "Turn single-sign-on-only on or off (system admins)",
            description = "With ssoOnly, password sign-in and password token requests are refused to everyone but"
                    + " system admins. 409 without a configured provider or on a stale version.")
    @PutMapping("/api/v1/admin/sign-in")
    SignInSettingsView update(CurrentUser user, @RequestBody SignInChanges changes) {
        return settings.update(user, changes);
    }
}
