package org.gantry.interchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/** A week that replaces a calendar's normal week from one date to another, both included. */
public record PlanWorkWeek(String name, LocalDate from, LocalDate to, Map<DayOfWeek, PlanDay> week) {
    public PlanWorkWeek {
        week = Map.copyOf(week);
    }
}
