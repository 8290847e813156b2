package org.gantry.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per e-mail and client address, and per address alone (against password
 * spraying), in a fixed window. Blocked callers are refused before their password is checked. The
 * counts live in this server's memory: with several instances each counts its own share.
 */
@Component
class LoginRateLimiter {

    private record Window(Instant start, int failures) {}

    private final Map<String, Window> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();

    LoginRateLimiter(
            @Value("${gantry.login.max-failures:5}") int maxFailures,
            @Value("${gantry.login.max-failures-per-address:50}") int maxFailuresPerAddress,
            @Value("${gantry.login.window:15m}") Duration window) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
    }

    void checkAllowed(String email, String address) {
        Instant now = clock.instant();
        Duration wait = max(
                waitFor(accountKey(email, address), maxFailures, now),
                waitFor(addressKey(address), maxFailuresPerAddress, now));
        if (!wait.isZero()) {
            throw new TooManyLoginFailures(wait);
        }
    }

    boolean isBlocked(String email, String address) {
        try {
            checkAllowed(email, address);
            return false;
        } catch (TooManyLoginFailures e) {
            return true;
        }
    }

    void recordFailure(String email, String address) {
        Instant now = clock.instant();
        if (failures.size() > 10_000) {
            failures.values().removeIf(w -> w.start().plus(window).isBefore(now));
        }
        failures.merge(accountKey(email, address), new Window(now, 1), (old, one) -> add(old, now));
        failures.merge(addressKey(address), new Window(now, 1), (old, one) -> add(old, now));
    }

    void recordSuccess(String email, String address) {
        failures.remove(accountKey(email, address));
    }

    private Window add(Window old, Instant now) {
        return old.start().plus(window).isBefore(now)
                ? new Window(now, 1)
                : new Window(old.start(), old.failures() + 1);
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Window w = failures.get(key);
        if (w == null || w.failures() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, w.start().plus(window));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String email, String address) {
        return (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)) + "|" + address;
    }

    private static String addressKey(String address) {
        return "|" + address;
    }
}
