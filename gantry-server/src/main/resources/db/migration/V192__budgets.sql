-- Budgets (issue 14): the money granted for the project (task_id null) and for summary tasks (cost
-- accounts), to compare with the actual cost and the forecast.
create table budget (
    id          bigint generated always as identity primary key,
    project_id  bigint         not null references project (id) on delete cascade,
    task_id     bigint         references task (id) on delete cascade,
    amount      numeric(19, 2) not null check (amount >= 0),
    note        text           not null default '',
    created_at  timestamptz    not null default now(),
    updated_at  timestamptz    not null default now(),
    version     integer        not null default 0
);
create unique index budget_project_total on budget (project_id) where task_id is null;
create unique index budget_task on budget (task_id) where task_id is not null;
select live_track('budget', 'project_id');
