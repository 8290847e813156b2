package org.gantry.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.gantry.server.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTests {

    private static final String EMAIL = "ana.lopez@example.com";
    private static final String NAME = "Ana Lopez";

    @Test
    void aLongUncommonPassphraseIsAccepted() {
        assertThat(problem("violet-harbour-tractor-9")).isNull();
        assertThat(problem("x".repeat(60) + "correct horse battery staple" + "y".repeat(40)))
                .isNull();
    }

    @Test
    void tooShortAndTooLongAreRefused() {
        assertThat(problem("eleven-char")).contains("at least 12");
        assertThat(problem("q7#Lm2!vR9&z".repeat(11))).contains("at most 128");
    }

    @Test
    void commonPasswordsAreRefusedAlsoWithDigitsAddedOrLettersWrittenAsDigits() {
        assertThat(problem("qwertyuiop123")).isNotNull();
        assertThat(problem("password1234")).contains("most common");
        assertThat(problem("iloveyou2024!")).contains("most common");
        assertThat(problem("P@ssw0rd12345")).contains("most common");
        assertThat(problem("1qaz2wsx3edc")).isNotNull();
    }

    @Test
    void repeatedCharactersAndKeyboardRunsAreRefused() {
        assertThat(problem("aaaaaaaaaaaa")).contains("too few different characters");
        assertThat(problem("abababababab")).contains("too few different characters");
        assertThat(problem("asdfghjklzxc")).contains("sequence");
        assertThat(problem("3456789012345")).contains("sequence");
        assertThat(problem("zyxwvutsrqpo")).contains("sequence");
    }

    @Test
    void theOwnEmailOrNameIsRefused() {
        assertThat(problem("ana.lopez@example.com")).contains("e-mail address or your name");
        assertThat(problem("my-ana.lopez-secret")).contains("e-mail address or your name");
        assertThat(problem("AnaLopez-2026-ok")).contains("e-mail address or your name");
        assertThat(problem("lopez-family-cabin")).contains("e-mail address or your name");
    }

    @Test
    void longPasswordsHashBeyondBcryptsLimitAndOldBcryptHashesStillMatch() {
        var encoder = SecurityConfiguration.passwordEncoders();
        String longPassword = "é".repeat(100) + "-tail"; // 205 bytes in UTF-8
        String hash = encoder.encode(longPassword);
        assertThat(hash).startsWith("{bcrypt-sha256}");
        assertThat(encoder.matches(longPassword, hash)).isTrue();
        assertThat(encoder.matches("é".repeat(100) + "-tall", hash)).isFalse();

        String stored = new BCryptPasswordEncoder().encode("admin-password-1");
        assertThat(encoder.matches("admin-password-1", stored))
                .as("a hash from before")
                .isTrue();
        assertThat(encoder.matches("wrong-password", stored)).isFalse();
        assertThat(encoder.matches(longPassword, stored))
                .as("no error past 72 bytes")
                .isFalse();
    }

    private static String problem(String password) {
        var problems = new InvalidInput.Collector();
        PasswordPolicy.check("newPassword", password, EMAIL, NAME, problems);
        try {
            problems.throwIfAny();
            return null;
        } catch (InvalidInput e) {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).field()).isEqualTo("newPassword");
            return e.errors().get(0).message();
        }
    }
}
