package org.gantry.server.collaboration;

import java.util.Set;

/**
 * A comment on an entry of the RAID log mentions people (published inside the transaction that posted or
 * edited it): on a post all whom it mentions, on an edit only those it did not mention before. The entry
 * has no watchers, so only the mentioned people are told. {@code entryType} is the entry's kind in words
 * ("issue", "decision"..., "risk" for a risk of the register), {@code entryTitle} its title when the comment was
 * written, {@code path} the page the notification leads to (the entry's or the risk's).
 */
public record MentionedOnRaidEntry(
        long projectId,
        String projectKey,
        long entryId,
        String path,
        String entryType,
        String entryTitle,
        long commentId,
        long authorId,
        Set<Long> mentionedUserIds,
        String excerpt,
        boolean edited) {}
