package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.List;

/** A task's schedule as stored after the last reschedule, with what the change that returned it moved. */
record TaskSchedule(
        long id,
        String name,
        String constraintType,
        LocalDateTime constraintDate,
        LocalDateTime deadline,
        LocalDateTime start,
        LocalDateTime finish,
        LocalDateTime earlyStart,
        LocalDateTime earlyFinish,
        LocalDateTime lateStart,
        LocalDateTime lateFinish,
        long totalSlackMinutes,
        long freeSlackMinutes,
        boolean critical,
        int version,
        List<MovedTask> moved,
        List<MovedTask> rescheduled,
        Double rescheduleMillis) {}
