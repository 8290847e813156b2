package org.gantry.server.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user as Spring Security's form login sees it; the session keeps it without the hash. */
final class GantryUserDetails implements UserDetails, CredentialsContainer {

    private final CurrentUser user;
    private final boolean active;
    private final int credentialsVersion;
    private String passwordHash;

    GantryUserDetails(CurrentUser user, boolean active, int credentialsVersion, String passwordHash) {
        this.user = user;
        this.active = active;
        this.credentialsVersion = credentialsVersion;
        this.passwordHash = passwordHash;
    }

    CurrentUser user() {
        return user;
    }

    /** How many password changes and resets the account had when this login checked its password. */
    int credentialsVersion() {
        return credentialsVersion;
    }

    static List<GrantedAuthority> authorities(CurrentUser user) {
        return user.systemAdmin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(user);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
