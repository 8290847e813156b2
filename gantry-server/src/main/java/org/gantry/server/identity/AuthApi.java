package org.gantry.server.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Authentication", description = "Personal API tokens")
@GantryApi
@RequestMapping("/api/v1/auth/tokens")
class AuthApi {

    private final ApiTokenService tokens;
    private final ClientAddresses clientAddresses;

    AuthApi(ApiTokenService tokens, ClientAddresses clientAddresses) {
        this.tokens = tokens;
        this.clientAddresses = clientAddresses;
    }

    @Operation(summary = "Exchange e-mail and password for a token (shown only in this response); rate limited")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiToken create(@RequestBody TokenRequest request, HttpServletRequest http) {
        return tokens.create(request, clientAddresses.of(http));
    }

    @Operation(summary = "Your active tokens")
    @GetMapping
    List<ApiToken> list(CurrentUser user) {
        return tokens.list(user);
    }

    @Operation(summary = "Revoke one of your tokens")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser user, @PathVariable long id) {
        tokens.revoke(user, id);
    }
}
