package org.gantry.server.collaboration;

import java.time.Instant;

/**
 * A file attached to a task, or to a comment ({@code commentId}, else null): a comment on a task (both ids
 * set) or on an entry of the RAID log ({@code taskId} null); or to an entry of the RAID log itself
 * ({@code raidEntryId}) or a risk ({@code riskId}), the other ids null. {@code contentType} was detected from the bytes; {@code image} says the
 * panel shows it as a thumbnail (PNG, JPEG, GIF or WebP only: SVG and HTML can carry script and are
 * always downloads). {@code canDelete}: the reader uploaded it, or owns or manages the project.
 */
public record Attachment(
        long id,
        Long taskId,
        Long commentId,
        Long raidEntryId,
        Long riskId,
        String name,
        long size,
        String contentType,
        String sha256,
        Long uploaderId,
        String uploaderName,
        Instant createdAt,
        boolean image,
        boolean canDelete,
        String downloadUrl) {

    /** The size for people: 812 B, 4.2 KB, 3.1 MB. */
    public String sizeText() {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        if (size < 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", size / (1024.0 * 1024 * 1024));
    }
}
