-- What an imported plan's tasks need to go out again as the file had them, kept beside Gantry's own values.

-- The file's WBS code (a Microsoft Project mask, a Primavera code...) when it is not the outline number Gantry
-- gives the task, and that outline number at import. Gantry shows and edits its own outline numbers; an export
-- writes the file's code only while the task's outline number is still the one it had at import, so a code
-- that no longer matches a task that was moved, indented or renumbered by a sibling's move is never exported
-- stale.
alter table task add column source_wbs text;
alter table task add column source_wbs_outline text;

-- The file's duration unit (ELAPSED_DAYS, MONTHS...) when Gantry shows the task in another one (its units are
-- minutes, hours, days and weeks), and the length in minutes at import. An export writes the file's unit only
-- while the task still has that length and the unit import mapped it to, so an edited duration goes out as
-- Gantry has it. Gantry still schedules elapsed durations as working time.
alter table task add column source_duration_unit text;
alter table task add column source_duration_minutes bigint;
