-- Sprints and the backlog (issue 13). A sprint is a time box of a project: PLANNED, then ACTIVE (at most
-- one per project, enforced by a unique index), then CLOSED. sprint_task says which tasks belong to which
-- sprint and what happened to them:
--   added_at       when the task joined the sprint (the clock of the server, like the activity log);
--   committed      it was in the sprint when the sprint started (everything else is scope added after);
--   removed_at     it was taken out while the sprint was active (scope removed; the row is kept so the
--                  burndown can be recomputed; taking a task out of a PLANNED sprint deletes the row);
--   outcome        null while the sprint is open; DONE or NOT_DONE when it was completed, REMOVED when
--                  taken out mid-sprint. A task not done stays recorded as NOT_DONE in the closed sprint
--                  even after it moved to the backlog or the next sprint.
-- A task is in at most one open sprint (the unique index on the rows without an outcome).
--
-- backlog_rank orders the backlog: the project's leaf tasks in no open sprint. A task never ranked
-- follows the ranked ones in outline order. sprint_task.rank orders a sprint the same way. Ranks are
-- spaced like the board's, so a drop usually writes one row.
--
-- The burndown, burnup, velocity and cumulative flow are not stored: they are recomputed from the
-- activity log (status and story-point changes with who and when) and these rows.
create table sprint (
    id           bigint generated always as identity primary key,
    project_id   bigint      not null references project (id) on delete cascade,
    name         text        not null check (length(name) between 1 and 200),
    goal         text        not null default '' check (length(goal) <= 2000),
    start_date   date,
    end_date     date,
    state        text        not null default 'PLANNED' check (state in ('PLANNED', 'ACTIVE', 'CLOSED')),
    milestone_id bigint      references task (id) on delete set null,
    started_at   timestamptz,
    completed_at timestamptz,
    version      integer     not null default 0,
    created_at   timestamptz not null default now(),
    check (end_date is null or start_date is null or end_date >= start_date)
);
create index sprint_project on sprint (project_id, id);
create unique index sprint_one_active on sprint (project_id) where state = 'ACTIVE';
select live_track('sprint', 'project_id');

create table sprint_task (
    sprint_id  bigint      not null references sprint (id) on delete cascade,
    task_id    bigint      not null references task (id) on delete cascade,
    project_id bigint      not null references project (id) on delete cascade,
    rank       bigint      not null,
    added_at   timestamptz not null,
    committed  boolean     not null default false,
    removed_at timestamptz,
    outcome    text        check (outcome in ('DONE', 'NOT_DONE', 'REMOVED')),
    primary key (sprint_id, task_id)
);
create unique index sprint_task_open on sprint_task (task_id) where outcome is null;
create index sprint_task_task on sprint_task (task_id);
select live_track('sprint_task', 'project_id');

create table backlog_rank (
    task_id    bigint primary key references task (id) on delete cascade,
    project_id bigint not null references project (id) on delete cascade,
    rank       bigint not null
);
create index backlog_rank_project on backlog_rank (project_id, rank);
select live_track('backlog_rank', 'project_id');

-- The server's clock for the activity log: a write transaction of a server whose clock is not the
-- system's (a test moving time through the days of a sprint) sets gantry.now; otherwise the log keeps
-- the database's clock as before.
create function gantry_now() returns timestamptz language sql volatile as $$
    select coalesce(nullif(current_setting('gantry.now', true), '')::timestamptz, clock_timestamp())
$$;
alter table activity alter column occurred_at set default gantry_now();
