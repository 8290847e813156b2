package org.gantry.server.identity;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Too many failed logins for this account or from this address: wait before trying again. */
@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManyLoginFailures extends RuntimeException {

    private final Duration retryAfter;

    TooManyLoginFailures(Duration retryAfter) {
        super("Too many failed logins; try again in " + minutes(retryAfter)
                + ", or ask an admin to clear the lock (Admin page, Login locks).");
        this.retryAfter = retryAfter;
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
