-- Status rules: what a pull request naming a task does to the task's status (a status key of the project,
-- or null for nothing). The change goes through the ordinary task update and is recorded in the activity
-- log as the webhook's (actor_kind 'webhook', set by signals.StatusRules for its transaction).
create table dev_status_rule (
    project_id          bigint primary key references project (id) on delete cascade,
    pull_request_opened text,
    pull_request_merged text,
    updated_at          timestamptz not null default now(),
    version             integer     not null default 0
);

alter table activity drop constraint activity_actor_kind_check;
alter table activity add constraint activity_actor_kind_check
    check (actor_kind in ('user', 'token', 'scheduler', 'system', 'webhook'));
