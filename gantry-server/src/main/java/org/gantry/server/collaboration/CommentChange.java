package org.gantry.server.collaboration;

/** An edit of one's own comment: the new Markdown text and the version it was read at. */
public record CommentChange(String body, Integer version) {}
