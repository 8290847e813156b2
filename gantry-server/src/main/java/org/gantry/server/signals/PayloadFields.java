package org.gantry.server.signals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.gantry.server.shared.InvalidInput;
import tools.jackson.databind.JsonNode;

/**
 * Reading a payload's fields by their dotted path ("pull_request.head.ref"). Required fields that are
 * missing or of the wrong type are a 400 naming the path; optional ones read as null. Text is cleared of
 * NUL characters (PostgreSQL text cannot hold them) and clipped, so nothing a signed sender writes can
 * fail the insert.
 */
final class PayloadFields {
    static final int MAXIMUM_TEXT = 4000;
    private static final DateTimeFormatter GITLAB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[ z][ Z]", Locale.ROOT);

    private PayloadFields() {}

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    static String text(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return clean(node.stringValue());
        }
        if (node.isIntegralNumber() || node.isBoolean()) {
            return node.asString();
        }
        throw new InvalidInput(path, "must be a string");
    }

    static String requiredText(JsonNode root, String path) {
        String text = text(root, path);
        if (text == null || text.isBlank()) {
            throw new InvalidInput(path, "is required");
        }
        return text;
    }

    static long requiredNumber(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            throw new InvalidInput(path, "is required");
        }
        if ((node.isInt() || node.isLong()) && node.longValue() >= 0) {
            return node.longValue();
        }
        if (node.isString() && node.stringValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(node.stringValue());
        }
        throw new InvalidInput(path, "must be a whole number from 0 to 999999999999999999");
    }

    static boolean flag(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new InvalidInput(path, "must be true or false");
        }
        return node.booleanValue();
    }

    /**
     * An instant in ISO 8601 (GitHub, Gitea: "2026-03-02T08:00:00Z", with an offset or without one, then UTC)
     * or GitLab's "2026-03-02 08:00:00 UTC". Anything else is a 400: a wrong date would mislead the measures.
     */
    static Instant time(JsonNode root, String path) {
        Instant time = parseTime(root, path);
        if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
            throw new InvalidInput(path, "must be between 1970 and 9999");
        }
        return time;
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant parseTime(JsonNode root, String path) {
        String text = text(root, path);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // other forms below
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // other forms below
        }
        try {
            return java.time.ZonedDateTime.parse(text, GITLAB_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // other forms below
        }
        try {
            return LocalDateTime.parse(text, GITLAB_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(path, "must be a date and time such as 2026-03-02T08:00:00Z");
        }
    }

    static JsonNode array(JsonNode root, String path) {
        JsonNode node = at(root, path);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw new InvalidInput(path, "must be an array");
        }
        return node;
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.indexOf('\0') >= 0 ? text.replace("\0", "") : text;
        return clean.length() > MAXIMUM_TEXT ? clean.substring(0, MAXIMUM_TEXT) : clean;
    }
}
