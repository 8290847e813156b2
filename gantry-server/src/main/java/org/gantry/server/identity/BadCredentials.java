package org.gantry.server.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Wrong e-mail or password, or an inactive account; deliberately does not say which. */
@ResponseStatus(HttpStatus.UNAUTHORIZED)
public class BadCredentials extends RuntimeException {

    BadCredentials() {
        super("The e-mail or password is wrong, or the account is deactivated.");
    }

    BadCredentials(String message) {
        super(message);
    }
}
