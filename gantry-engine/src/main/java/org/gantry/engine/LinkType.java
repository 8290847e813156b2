package org.gantry.engine;

/** How a predecessor's date drives a successor's date. */
public enum LinkType {
    FINISH_START,
    START_START,
    FINISH_FINISH,
    START_FINISH
}
