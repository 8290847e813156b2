package org.gantry.server.resource;

import java.time.LocalDate;
import java.util.List;

/**
 * Time off to enter: the first and last day (inclusive), optionally only some ISO weekdays (a part-time
 * week), a kind (VACATION by default, HOLIDAY, PART_TIME, SICK, OTHER) and a note.
 */
public record NewTimeOff(LocalDate firstDay, LocalDate lastDay, List<Integer> weekdays, String kind, String note) {}
