package org.gantry.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt of the password's SHA-256 (Base64, 44 characters): bcrypt reads at most 72 bytes, so long
 * passwords (up to 128 characters, possibly 4 bytes each) would otherwise be cut or refused. Stored
 * with its own prefix {@code {bcrypt-sha256}} beside the plain bcrypt hashes of earlier versions.
 */
final class PrehashedBcryptPasswordEncoder implements PasswordEncoder {

    static final String ID = "bcrypt-sha256";

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(prehash(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return rawPassword != null && bcrypt.matches(prehash(rawPassword), encodedPassword);
    }

    private static String prehash(CharSequence rawPassword) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Plain bcrypt, for hashes stored before the prefix existed; never true for over 72 bytes. */
    static final class Legacy implements PasswordEncoder {

        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("New passwords are stored as " + ID);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword != null
                    && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= 72
                    && bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
