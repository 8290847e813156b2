package org.gantry.server.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current change, for code that reacts to an event rather than to a request (it has no
 * {@link CurrentUser} parameter): the token's or the session's user, or empty for the server itself.
 */
public final class CurrentActor {

    private CurrentActor() {}

    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof CurrentUser user) {
            return Optional.of(user);
        }
        if (principal instanceof GantryUserDetails details) {
            return Optional.of(details.user());
        }
        return Optional.empty();
    }

    /** The API token the current request authenticated with, if it came with one. */
    public static Optional<Long> tokenId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getDetails() instanceof TokenId id
                ? Optional.of(id.id())
                : Optional.empty();
    }

    /** Kept as the authentication's details by {@link BearerTokenFilter}. */
    record TokenId(long id) {}
}
