package org.gantry.server.project;

/** A user's role in one project, from most to least powerful. */
public enum ProjectRole {
    OWNER,
    MANAGER,
    MEMBER,
    /** Reads everything, changes nothing. */
    STAKEHOLDER
}
