-- Automatic scheduling: what the person sets (constraint, deadline, status date) and what the
-- engine computes and the server stores after every date-affecting change (early and late dates,
-- slack in working minutes, the critical flag). start_at/finish_at remain the task's scheduled dates.
alter table task
    add column constraint_type     text    not null default 'AS_SOON_AS_POSSIBLE',
    add column constraint_date     timestamp,
    add column deadline            timestamp,
    add column early_start         timestamp,
    add column early_finish        timestamp,
    add column late_start          timestamp,
    add column late_finish         timestamp,
    add column total_slack_minutes bigint  not null default 0,
    add column free_slack_minutes  bigint  not null default 0,
    add column critical            boolean not null default false;

alter table project add column status_date timestamp;

-- Baselines: a snapshot of a task's dates in one of eleven slots (0 = "Baseline", 1..10 = "Baseline 1"..).
create table task_baseline (
    task_id          bigint      not null references task (id) on delete cascade,
    project_id       bigint      not null references project (id) on delete cascade,
    slot             smallint    not null check (slot between 0 and 10),
    start_at         timestamp,
    finish_at        timestamp,
    duration_minutes bigint      not null,
    captured_at      timestamptz not null default now(),
    primary key (task_id, slot)
);
create index task_baseline_project on task_baseline (project_id, slot);
