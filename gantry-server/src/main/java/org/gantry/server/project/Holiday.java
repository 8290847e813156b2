package org.gantry.server.project;

import java.time.LocalDate;

/** A non-working day in the project calendar. */
public record Holiday(LocalDate date, String name) {}
