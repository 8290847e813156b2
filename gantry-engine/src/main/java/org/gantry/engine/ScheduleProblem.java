package org.gantry.engine;

import java.util.List;

/** Why a network cannot be scheduled, with the data needed to show the user where. */
public sealed interface ScheduleProblem {
    String describe();

    /** The links form a loop; {@code cycle} lists the tasks around it, the first repeated at the end. */
    record DependencyCycle(List<TaskId> cycle) implements ScheduleProblem {
        public String describe() {
            return "the links form a cycle: " + cycle;
        }
    }

    record LinkToItself(TaskId task) implements ScheduleProblem {
        public String describe() {
            return "task " + task + " is linked to itself";
        }
    }

    record UnknownTask(TaskId task, String where) implements ScheduleProblem {
        public String describe() {
            return where + " names unknown task " + task;
        }
    }

    record DuplicateTask(TaskId task) implements ScheduleProblem {
        public String describe() {
            return "task " + task + " appears twice";
        }
    }

    record UnknownCalendar(CalendarId calendar, String where) implements ScheduleProblem {
        public String describe() {
            return where + " uses unknown calendar " + calendar;
        }
    }

    record NegativeDuration(TaskId task, WorkDuration duration) implements ScheduleProblem {
        public String describe() {
            return "task " + task + " has a negative duration " + duration;
        }
    }

    record MissingConstraintDate(TaskId task, ConstraintType constraint) implements ScheduleProblem {
        public String describe() {
            return "task " + task + " has constraint " + constraint + " without a date";
        }
    }

    record CalendarCycle(CalendarId calendar) implements ScheduleProblem {
        public String describe() {
            return "calendar " + calendar + " is derived from itself";
        }
    }

    /** The calendar has no working time for two centuries around the project: nothing can be scheduled. */
    record NoWorkingTime(CalendarId calendar) implements ScheduleProblem {
        public String describe() {
            return "calendar " + calendar + " has no working time";
        }
    }
}
