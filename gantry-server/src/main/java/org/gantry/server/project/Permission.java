package org.gantry.server.project;

import java.util.EnumSet;
import java.util.Set;

/** What a role may do in a project. System admins may do everything everywhere. */
public enum Permission {
    READ(EnumSet.allOf(ProjectRole.class)),
    EDIT_PROJECT(EnumSet.of(ProjectRole.OWNER, ProjectRole.MANAGER)),
    ARCHIVE_PROJECT(EnumSet.of(ProjectRole.OWNER)),
    /** Add, change and remove members; only owners may grant, change or remove the owner role. */
    MANAGE_MEMBERS(EnumSet.of(ProjectRole.OWNER, ProjectRole.MANAGER)),
    /** Create, edit, move and link tasks. */
    EDIT_TASKS(EnumSet.of(ProjectRole.OWNER, ProjectRole.MANAGER, ProjectRole.MEMBER)),
    /**
     * Comment on tasks and resolve threads. Stakeholders too: a sponsor's question belongs next to the
     * task, and commenting changes nothing in the plan.
     */
    COMMENT(EnumSet.allOf(ProjectRole.class)),
    /** Delete tasks (with their subtasks) and define task statuses. */
    MANAGE_TASKS(EnumSet.of(ProjectRole.OWNER, ProjectRole.MANAGER)),
    /** Log one's own time on the project's tasks (stakeholders only read). */
    LOG_TIME(EnumSet.of(ProjectRole.OWNER, ProjectRole.MANAGER, ProjectRole.MEMBER)),
    /**
     * See and change money: rates, costs, earned value, and everyone's time entries. Rates are what people
     * are paid or charged, so members and stakeholders do not see them.
     */
    SEE_COSTS(EnumSet.of(ProjectRole.OWNER, ProjectRole.MANAGER)),
    /** Approve, reject or defer change requests (the change board): they change the plan's commitments. */
    DECIDE_CHANGES(EnumSet.of(ProjectRole.OWNER, ProjectRole.MANAGER));

    private final Set<ProjectRole> roles;

    Permission(Set<ProjectRole> roles) {
        this.roles = roles;
    }

    public boolean allows(ProjectRole role) {
        return role != null && roles.contains(role);
    }
}
