package org.gantry.server.collaboration;

import java.util.Set;

/**
 * A comment was stored on a task (published in the same transaction): who wrote it, whom it mentions,
 * and the start of its text.
 */
public record CommentPosted(
        long projectId, long taskId, long commentId, long authorId, Set<Long> mentionedUserIds, String excerpt) {}
