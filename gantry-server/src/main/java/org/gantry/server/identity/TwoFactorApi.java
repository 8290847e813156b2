package org.gantry.server.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Two-factor sign-in", description = "Authenticator-app codes (TOTP) and recovery codes")
@GantryApi
class TwoFactorApi {

    private final TwoFactorService twoFactor;
    private final ClientAddresses clientAddresses;

    TwoFactorApi(TwoFactorService twoFactor, ClientAddresses clientAddresses) {
        this.twoFactor = twoFactor;
        this.clientAddresses = clientAddresses;
    }

    @Operation(summary = "Whether your two-factor sign-in is on, and how many recovery codes are left")
    @GetMapping("/api/v1/me/two-factor")
    TwoFactorStatus status(CurrentUser user) {
        return twoFactor.status(user);
    }

    @Operation(summary = "Start enrolment: a new secret for your authenticator app (not on until confirmed)")
    @PostMapping("/api/v1/me/two-factor")
    TwoFactorEnrolment start(CurrentUser user) {
        return twoFactor.start(user);
    }

    @Operation(summary = "Confirm with the app's current code: turns it on; answers ten recovery codes, shown once")
    @PostMapping("/api/v1/me/two-factor/confirm")
    RecoveryCodes confirm(CurrentUser user, @RequestBody TwoFactorCode code) {
        return twoFactor.confirm(user, code.code());
    }

    @Operation(summary = "Turn it off, with a current code or a recovery code (a wrong code counts as a failed login)")
    @PostMapping("/api/v1/me/two-factor/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(CurrentUser user, @RequestBody TwoFactorCode code, HttpServletRequest request) {
        twoFactor.disable(user, code.code(), clientAddresses.of(request));
    }

    @Operation(summary = "Reset someone's two-factor sign-in (system admins), e.g. after a lost phone")
    @DeleteMapping("/api/v1/users/{id}/two-factor")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(CurrentUser user, @PathVariable long id) {
        twoFactor.reset(user, id);
    }
}
