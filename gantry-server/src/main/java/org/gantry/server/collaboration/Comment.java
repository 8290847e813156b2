package org.gantry.server.collaboration;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A comment as a reader sees it, on a task ({@code taskId}), on an entry of the RAID log ({@code raidEntryId})
 * or on a risk ({@code riskId}); the others are null. {@code html} is the sanitised rendering of the Markdown
 * {@code body}; both are empty once the comment is deleted (it stays while replies hang on it).
 * Top-level comments carry their {@code replies} and whether the thread is resolved; {@code canEdit}
 * and {@code canDelete} say what the reader may do with it; {@code attachments} are the files its author
 * attached to it (they go when the comment is deleted).
 */
public record Comment(
        long id,
        Long taskId,
        Long raidEntryId,
        Long riskId,
        Long parentId,
        Long authorId,
        String authorName,
        String body,
        String html,
        Instant createdAt,
        Instant editedAt,
        boolean deleted,
        Instant resolvedAt,
        Long resolvedById,
        String resolvedByName,
        List<Long> mentionedUserIds,
        boolean canEdit,
        boolean canDelete,
        int version,
        List<Comment> replies,
        List<Attachment> attachments) {

    @JsonProperty("edited")
    public boolean edited() {
        return editedAt != null;
    }

    @JsonProperty("resolved")
    public boolean resolved() {
        return resolvedAt != null;
    }
}
