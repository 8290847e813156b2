-- What a plan imported from another tool brings beyond the work breakdown: its calendars whole (with work
-- weeks and recurring exceptions), its resources with rates, their assignments with work, and the task
-- fields the engine needs to reproduce the source's dates.

-- Working-time calendars kept as the source defined them. definition is interchange's PlanCalendar as JSON
-- (week, work weeks, exceptions): the server only ever reads a calendar whole, to schedule or to export.
-- calendar_key is the source's key; base_key names another calendar of the project that this one inherits.
create table project_calendar (
    project_id   bigint  not null references project (id) on delete cascade,
    calendar_key text    not null,
    name         text    not null default '',
    base_key     text,
    definition   jsonb   not null,
    version      integer not null default 0,
    primary key (project_id, calendar_key)
);

-- The project's calendar when it is one of project_calendar; null means the simple calendar of the project
-- row (working_days, working_hours, project_holiday).
alter table project add column calendar_key text;

-- People, equipment, materials and costs the tasks use. max_units is a percentage (100 = full time). Rates
-- are an amount in the project's currency per unit of time (rate_per: MINUTES, HOURS, DAYS, WEEKS...).
-- user_id links a resource to a person who logs in, when there is one.
create table resource (
    id                 bigint generated always as identity primary key,
    project_id         bigint        not null references project (id) on delete cascade,
    name               text          not null,
    initials           text,
    email              text,
    group_name         text,
    kind               text          not null default 'WORK' check (kind in ('WORK', 'MATERIAL', 'COST')),
    material_label     text,
    max_units          numeric(12, 2) not null default 100 check (max_units >= 0),
    standard_rate      numeric(19, 4),
    standard_rate_per  text,
    overtime_rate      numeric(19, 4),
    overtime_rate_per  text,
    cost_per_use       numeric(19, 4),
    calendar_key       text,
    notes              text          not null default '',
    source_key         text,
    user_id            bigint references app_user (id) on delete set null,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    version            integer       not null default 0
);
create index resource_project on resource (project_id);

-- A resource on a task. units is a percentage (for a material, the quantity); work in working minutes.
create table assignment (
    id                     bigint generated always as identity primary key,
    project_id             bigint        not null references project (id) on delete cascade,
    task_id                bigint        not null references task (id) on delete cascade,
    resource_id            bigint        not null references resource (id) on delete cascade,
    units                  numeric(12, 2) not null default 100 check (units >= 0),
    work_minutes           bigint        not null default 0 check (work_minutes >= 0),
    actual_work_minutes    bigint        not null default 0 check (actual_work_minutes >= 0),
    remaining_work_minutes bigint        not null default 0 check (remaining_work_minutes >= 0),
    start_at               timestamp,
    finish_at              timestamp,
    contour                text          not null default 'FLAT',
    source_key             text,
    version                integer       not null default 0,
    unique (task_id, resource_id)
);
create index assignment_project on assignment (project_id);
create index assignment_resource on assignment (resource_id);

-- Task fields of imported plans. task_type: FIXED_UNITS, FIXED_DURATION or FIXED_WORK. work_minutes is
-- null when the task has no work of its own. calendar_key names a project_calendar the task follows
-- instead of the project's. A manually scheduled task keeps the dates it was given; an inactive one takes
-- no part in the schedule. Actual dates are recorded progress.
alter table task
    add column task_type          text    not null default 'FIXED_UNITS',
    add column work_minutes       bigint,
    add column calendar_key       text,
    add column manually_scheduled boolean not null default false,
    add column active             boolean not null default true,
    add column actual_start       timestamp,
    add column actual_finish      timestamp;

-- Baselines also keep work and cost, as Microsoft Project's do; a file may save a baseline without a
-- duration, which is not the same as a duration of zero.
alter table task_baseline
    alter column duration_minutes drop not null,
    add column work_minutes bigint,
    add column cost         numeric(19, 4);
