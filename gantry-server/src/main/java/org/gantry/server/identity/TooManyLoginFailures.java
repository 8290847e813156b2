package org.gantry.server.identity;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Too many failed logins for this e-mail from this address: wait before trying again. */
@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManyLoginFailures extends RuntimeException {

    private final Duration retryAfter;

    TooManyLoginFailures(Duration retryAfter) {
        super("Too many failed logins; try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
