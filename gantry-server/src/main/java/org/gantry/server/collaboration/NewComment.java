package org.gantry.server.collaboration;

/** A comment to post: Markdown text, and the comment it answers (null for a new thread). */
public record NewComment(String body, Long parentId) {}
