-- Who watches a task beyond its assignees: the author, people mentioned in its comments, and people who
-- chose to. watching = false records that a person stopped watching a task they would watch
-- automatically (as an assignee or author), so automatic watching does not come back on the next edit.
create table task_watcher (
    task_id    bigint      not null references task (id) on delete cascade,
    user_id    bigint      not null references app_user (id) on delete cascade,
    watching   boolean     not null,
    reason     text        not null check (reason in ('AUTHOR', 'MENTIONED', 'CHOSEN')),
    created_at timestamptz not null default now(),
    primary key (task_id, user_id)
);
create index task_watcher_user on task_watcher (user_id);

-- One notification for one person: why (reason), what happened (title, detail), which edit by whom
-- (cause, actor) and where to look (link, a path below the server's address). email_state follows the
-- e-mail: NONE (not mailed), IMMEDIATE / BATCH / DIGEST (waiting for that delivery), SENDING (claimed
-- by a sender), SENT, DROPPED (the person can no longer read the project).
create table notification (
    id               bigint generated always as identity primary key,
    user_id          bigint      not null references app_user (id) on delete cascade,
    project_id       bigint      not null references project (id) on delete cascade,
    task_id          bigint      references task (id) on delete set null,
    reason           text        not null check (reason in ('MENTIONED', 'ASSIGNED', 'WATCHING', 'DATE_MOVED',
                                                            'CRITICAL_PATH', 'DEADLINE_MISSED')),
    title            text        not null,
    detail           text        not null default '',
    cause            text        not null default '',
    actor_id         bigint      references app_user (id) on delete set null,
    link             text        not null,
    in_app           boolean     not null default true,
    created_at       timestamptz not null default now(),
    read_at          timestamptz,
    snoozed_until    timestamptz,
    email_state      text        not null default 'NONE'
        check (email_state in ('NONE', 'IMMEDIATE', 'BATCH', 'DIGEST', 'SENDING', 'SENT', 'DROPPED')),
    email_attempts   integer     not null default 0,
    email_next_at    timestamptz,
    email_claimed_at timestamptz,
    emailed_at       timestamptz,
    version          integer     not null default 0
);
create index notification_user on notification (user_id, created_at desc);
create index notification_unread on notification (user_id) where read_at is null and in_app;
create index notification_mail_waiting on notification (email_state, email_next_at)
    where email_state in ('IMMEDIATE', 'BATCH', 'DIGEST', 'SENDING');

-- E-mail and in-app delivery per person, per event kind, for all projects (project_id null) or one.
create table notification_preference (
    user_id    bigint not null references app_user (id) on delete cascade,
    project_id bigint references project (id) on delete cascade,
    kind       text   not null check (kind in ('MENTIONED', 'ASSIGNED', 'WATCHING', 'DATE_MOVED',
                                               'CRITICAL_PATH', 'DEADLINE_MISSED')),
    email      text   not null check (email in ('IMMEDIATE', 'BATCH', 'DIGEST', 'OFF')),
    in_app     boolean not null
);
create unique index notification_preference_key
    on notification_preference (user_id, coalesce(project_id, 0), kind);

-- A person's daily digest: the local time and time zone it goes out at, and when it last went.
create table notification_setting (
    user_id        bigint primary key references app_user (id) on delete cascade,
    digest_time    time   not null default '08:00',
    time_zone      text   not null default 'UTC',
    last_digest_at timestamptz,
    version        integer not null default 0
);

-- A project's threshold for "a task moved": moves of at most this many working minutes are not told
-- (null: one working day of the project's calendar).
create table project_notification_setting (
    project_id             bigint primary key references project (id) on delete cascade,
    move_threshold_minutes bigint check (move_threshold_minutes >= 0),
    version                integer not null default 0
);

-- db-scheduler's table (its documented PostgreSQL schema): the batch and digest job runs on one
-- instance at a time, whichever claims it first.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
