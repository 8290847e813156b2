package org.gantry.server.schedule;

import java.time.LocalDateTime;

/** The project's status date (null clears it); {@code version} is the project's version. */
public record StatusDateChange(LocalDateTime statusDate, Integer version) {}
