package org.gantry.server.project;

/**
 * Someone's role in a project changed, published in the transaction of the change: {@code oldRole}
 * is null when they joined, {@code newRole} null when they left.
 */
public record MemberRoleChanged(
        long projectId, String projectKey, long userId, String email, ProjectRole oldRole, ProjectRole newRole) {}
