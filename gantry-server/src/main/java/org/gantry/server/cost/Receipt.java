package org.gantry.server.cost;

import java.time.Instant;

/**
 * An expense's receipt: the file's name, size and type (detected from its bytes), when it was attached, and
 * where to download it ({@code GET .../expenses/{id}/receipt}).
 */
public record Receipt(String name, long size, String contentType, Instant uploadedAt, String url) {}
