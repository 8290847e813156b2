-- Resource levelling in the server.
--
-- A task's levelling delay, as Microsoft Project stores it: the time levelling holds the task back after
-- the earliest start its links and constraints allow. The scheduler adds it on every reschedule, so a
-- levelled plan stays levelled when it is edited, and import and export carry it. Project keeps it in
-- elapsed time (edays); a delay in working time (elapsed = false) counts on the task's calendar.
alter table task add column levelling_delay_minutes bigint not null default 0 check (levelling_delay_minutes >= 0);
alter table task add column levelling_delay_elapsed boolean not null default true;

-- One levelling applied (or cleared) on a project, kept so it can be undone: the delays the tasks had
-- before it (previous: [[task id, minutes, elapsed], ...], only the tasks it changed) and the project's
-- schedule version right after it. An undo restores the previous delays while the schedule version is
-- still the one recorded, i.e. nothing the scheduler reads changed since; otherwise the plan moved on
-- and putting old delays back could undo someone else's edit.
create table levelling_run (
    id               bigint generated always as identity primary key,
    project_id       bigint      not null references project (id) on delete cascade,
    applied_by       bigint      references app_user (id) on delete set null,
    applied_at       timestamptz not null default now(),
    action           text        not null check (action in ('LEVEL', 'CLEAR')),
    -- The request as sent: mode, order, withinSlack, taskIds.
    options          jsonb       not null,
    previous         jsonb       not null,
    tasks_changed    integer     not null,
    finish_before    timestamp,
    finish_after     timestamp,
    schedule_version bigint      not null,
    undone_at        timestamptz,
    version          integer     not null default 0
);
create index levelling_run_project on levelling_run (project_id, id desc);
