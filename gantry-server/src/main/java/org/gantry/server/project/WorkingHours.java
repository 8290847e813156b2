package org.gantry.server.project;

import java.time.LocalTime;

/** One working interval of a working day, e.g. 08:00 to 12:00. */
public record WorkingHours(LocalTime from, LocalTime to) {}
