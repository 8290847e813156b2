-- Effort-driven tasks, as Microsoft Project has them: when people join or leave such a task its total work
-- stays and is shared among them in proportion to their units (the duration shortens or lengthens, or on a
-- fixed-duration task everyone's units change). A fixed-work task is always effort-driven, whatever the flag
-- says. Off by default, as for new tasks in Project since 2010; the rules live in the engine (TaskStaffing).
alter table task add column effort_driven boolean not null default false;
