package org.gantry.server.collaboration;

/**
 * A comment was stored (published inside the transaction that stored it): who wrote it on which task,
 * whom it mentions (user ids, all of them members of the project), and the start of its text.
 */
public record CommentPosted(
        long projectId,
        long taskId,
        long commentId,
        long authorId,
        java.util.Set<Long> mentionedUserIds,
        String excerpt) {}
