package org.gantry.server.collaboration;

import java.util.Set;

/**
 * An edit of a comment mentions people it did not mention before (published inside the edit's
 * transaction): only they are told, as the comment's other readers were when it was posted.
 */
public record MentionsAdded(
        long projectId, long taskId, long commentId, long authorId, Set<Long> mentionedUserIds, String excerpt) {}
