package org.gantry.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890" + "123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: every test vector, 8 digits. */
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "HmacSHA1, 59, 94287082",
        "HmacSHA256, 59, 46119246",
        "HmacSHA512, 59, 90693936",
        "HmacSHA1, 1111111109, 07081804",
        "HmacSHA256, 1111111109, 68084774",
        "HmacSHA512, 1111111109, 25091201",
        "HmacSHA1, 1111111111, 14050471",
        "HmacSHA256, 1111111111, 67062674",
        "HmacSHA512, 1111111111, 99943326",
        "HmacSHA1, 1234567890, 89005924",
        "HmacSHA256, 1234567890, 91819424",
        "HmacSHA512, 1234567890, 93441116",
        "HmacSHA1, 2000000000, 69279037",
        "HmacSHA256, 2000000000, 90698825",
        "HmacSHA512, 2000000000, 38618901",
        "HmacSHA1, 20000000000, 65353130",
        "HmacSHA256, 20000000000, 77737706",
        "HmacSHA512, 20000000000, 47863826"
    })
    void theCodesAreThoseOfRfc6238sTestVectors(String algorithm, long seconds, String expected) {
        byte[] seed =
                switch (algorithm) {
                    case "HmacSHA1" -> SHA1_SEED;
                    case "HmacSHA256" -> SHA256_SEED;
                    default -> SHA512_SEED;
                };
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(seconds)), 8, algorithm))
                .isEqualTo(expected);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideButNotTwo() {
        String secret = Totp.base32(SHA1_SEED);
        Instant now = Instant.ofEpochSecond(1111111111);
        String code = Totp.code(secret, now);
        assertThat(code).isEqualTo("050471");
        assertThat(Totp.matchingStep(secret, code, now.plusSeconds(30))).hasValue(Totp.step(now));
        assertThat(Totp.matchingStep(secret, code, now.minusSeconds(30))).hasValue(Totp.step(now));
        assertThat(Totp.matchingStep(secret, code, now.plusSeconds(61))).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.fromBase32("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.fromBase32(secret))).isEqualTo(secret);
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("Gantry", "ana@example.com", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Gantry:ana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Gantry"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
