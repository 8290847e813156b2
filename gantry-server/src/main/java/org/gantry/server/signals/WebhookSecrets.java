package org.gantry.server.signals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Webhook secrets: made with SecureRandom, stored so that each delivery's HMAC can be computed (a hash, as
 * for passwords, would not allow that), and compared in constant time. With a server key
 * ({@code GANTRY_WEBHOOK_KEY}, any long random text) they are stored AES-GCM encrypted ("aes:..."), so a
 * copy of the database alone does not let anyone sign deliveries; without one they are stored as they are
 * ("plain:..."), like the other credentials a self-hosted server's database holds. Rows of either form stay
 * readable when the key is set later; a key removed or changed makes the encrypted ones unreadable (their
 * deliveries are refused until the secret is rotated).
 */
@Component
class WebhookSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;

    WebhookSecrets(@Value("${gantry.webhook.key:}") String serverKey) {
        this.key = serverKey == null || serverKey.isBlank()
                ? null
                : new SecretKeySpec(sha256(serverKey.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** 32 random bytes, URL-safe base64 (43 characters): fits every provider's secret field. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hint(String secret) {
        return "..." + secret.substring(secret.length() - 4);
    }

    String seal(String secret) {
        if (key == null) {
            return "plain:" + secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return "aes:" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret, or null when it was sealed with a key this server does not have. */
    String open(String stored) {
        if (stored.startsWith("plain:")) {
            return stored.substring("plain:".length());
        }
        if (key == null || !stored.startsWith("aes:")) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring("aes:".length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Equal texts, compared in time that does not depend on where they differ. */
    static boolean sameText(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
