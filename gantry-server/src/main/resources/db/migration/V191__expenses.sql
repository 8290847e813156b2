-- Expenses (issue 14): a dated amount in the project currency with a note, spent by a person, optionally on
-- a task. They count in the actual cost on their date.
create table expense (
    id           bigint generated always as identity primary key,
    project_id   bigint         not null references project (id) on delete cascade,
    task_id      bigint         references task (id) on delete set null,
    user_id      bigint         not null references app_user (id),
    expense_date date           not null,
    amount       numeric(19, 2) not null check (amount > 0),
    note         text           not null default '',
    created_at   timestamptz    not null default now(),
    updated_at   timestamptz    not null default now(),
    version      integer        not null default 0
);
create index expense_project_date on expense (project_id, expense_date);
create index expense_task on expense (task_id);
select live_track('expense', 'project_id');
