-- Details an imported plan needs to go out again as it came in.

-- Calendars keep the order the file listed them in, so an export lists them in the same order.
alter table project_calendar add column position integer not null default 0;

-- A baseline's duration is shown in a unit (days, hours, elapsed days...) as the task's is.
alter table task_baseline add column duration_unit text;

-- The source's priority on Microsoft Project's scale (0 to 1000). Gantry's own priority is one of four
-- levels; an export uses this number only while it still falls in the level the task has, so a priority
-- changed in Gantry is never overridden by a stale imported one.
alter table task add column source_priority integer;
