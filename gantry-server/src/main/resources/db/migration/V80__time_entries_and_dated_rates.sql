-- Time and money (issue 14), first part.
--
-- resource_rate: a resource's rates from a date on (Microsoft Project's cost rate table A). Before its
-- first dated row a resource costs what resource.standard_rate / overtime_rate / cost_per_use say.
create table resource_rate (
    id             bigint generated always as identity primary key,
    project_id     bigint         not null references project (id) on delete cascade,
    resource_id    bigint         not null references resource (id) on delete cascade,
    effective_from date           not null,
    standard_rate  numeric(19, 4) not null check (standard_rate >= 0),
    overtime_rate  numeric(19, 4) check (overtime_rate >= 0),
    cost_per_use   numeric(19, 4) check (cost_per_use >= 0),
    created_at     timestamptz    not null default now(),
    version        integer        not null default 0,
    unique (resource_id, effective_from)
);
create index resource_rate_project on resource_rate (project_id);

-- time_entry: minutes a person spent on a task on a day. Its cost is computed when read (the rate of the
-- person's resource in force that day), never stored, so a corrected rate corrects every report.
create table time_entry (
    id          bigint generated always as identity primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    task_id     bigint      not null references task (id) on delete cascade,
    user_id     bigint      not null references app_user (id),
    entry_date  date        not null,
    minutes     integer     not null check (minutes > 0 and minutes <= 1440),
    note        text        not null default '',
    billable    boolean     not null default true,
    created_by  bigint      references app_user (id),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create index time_entry_project_date on time_entry (project_id, entry_date);
create index time_entry_user_date on time_entry (user_id, entry_date);
create index time_entry_task on time_entry (task_id);
