package org.gantry.server.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gantry.server.shared.InvalidInput;

/**
 * What a new password must be: 12 to 128 characters, not one of the 10,000 most common passwords (also
 * not one padded with digits or symbols, or written with digits for letters), not a keyboard or
 * alphabet run, not one character repeated, and not the person's own e-mail or name.
 */
final class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_LENGTH = 128;

    private static final Set<String> COMMON = load("common-passwords.txt");
    private static final List<String> RUNS = List.of(
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
            "0123456789012345678901234567890123456789",
            "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
            "qwertzuiopasdfghjklyxcvbnmqwertzuiopasdfghjklyxcvbnm",
            "azertyuiopqsdfghjklmwxcvbnazertyuiopqsdfghjklmwxcvbn",
            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
            "1q2w3e4r5t6y7u8i9o0p1q2w3e4r5t6y7u8i9o0p",
            "!@#$%^&*()!@#$%^&*()");

    private PasswordPolicy() {}

    static void check(String field, String password, String email, String name, InvalidInput.Collector problems) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            problems.add(field, "must be at least " + MINIMUM_LENGTH + " characters long");
            return;
        }
        if (password.length() > MAXIMUM_LENGTH) {
            problems.add(field, "must be at most " + MAXIMUM_LENGTH + " characters long");
            return;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.chars().distinct().count() < 4) {
            problems.add(field, "uses too few different characters");
        } else if (isRun(lower)) {
            problems.add(field, "is a keyboard or alphabet sequence");
        } else if (isCommon(lower)) {
            problems.add(field, "is one of the most common passwords (or one with a few characters added)");
        } else if (isPersonal(lower, email, name)) {
            problems.add(field, "must not contain your e-mail address or your name");
        }
    }

    private static boolean isRun(String lower) {
        for (String run : RUNS) {
            if (run.contains(lower)
                    || new StringBuilder(run).reverse().toString().contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** The password itself, or its letters once the digits and symbols around them are stripped. */
    private static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        String plain = lower.replace('0', 'o')
                .replace('1', 'i')
                .replace('3', 'e')
                .replace('4', 'a')
                .replace('5', 's')
                .replace('7', 't')
                .replace('@', 'a')
                .replace('$', 's');
        for (String candidate : List.of(lower, plain)) {
            String base = candidate.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
            if (base.length() >= 4 && COMMON.contains(base)) {
                return true;
            }
        }
        return COMMON.contains(plain);
    }

    private static boolean isPersonal(String lower, String email, String name) {
        String compact = lower.replaceAll("[^\\p{L}\\p{N}@.]", "");
        if (email != null && !email.isBlank()) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            String localPart = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (lower.contains(address) || (localPart.length() >= 3 && lower.contains(localPart))) {
                return true;
            }
        }
        if (name != null && !name.isBlank()) {
            String fullName = name.strip().toLowerCase(Locale.ROOT);
            String joined = fullName.replaceAll("[^\\p{L}\\p{N}]", "");
            if (joined.length() >= 3 && compact.contains(joined)) {
                return true;
            }
            for (String part : fullName.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 4 && lower.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords is missing: " + resource);
            }
            Set<String> passwords = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.strip().toLowerCase(Locale.ROOT))
                    .forEach(passwords::add);
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
