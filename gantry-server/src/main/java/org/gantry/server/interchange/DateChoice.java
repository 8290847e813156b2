package org.gantry.server.interchange;

/** Whose dates an imported project keeps where the file and Gantry's engine disagree. */
public enum DateChoice {
    FILE,
    GANTRY
}
