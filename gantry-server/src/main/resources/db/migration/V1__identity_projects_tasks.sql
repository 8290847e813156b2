-- Identity: people who log in, and their personal API tokens.
create table app_user (
    id                   bigint generated always as identity primary key,
    email                text        not null,
    name                 text        not null,
    password_hash        text        not null,
    system_admin         boolean     not null default false,
    active               boolean     not null default true,
    must_change_password boolean     not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer     not null default 0
);
create unique index app_user_email_key on app_user (lower(email));

-- Only a SHA-256 hash of each token is stored; the token itself is shown once.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_id);

-- Projects and their working calendar. Working days are ISO day numbers (1 = Monday), working
-- hours are "HH:MM-HH:MM" intervals separated by commas.
create table project (
    id            bigint generated always as identity primary key,
    project_key   text        not null,
    name          text        not null,
    description   text        not null default '',
    start_date    date        not null,
    time_zone     text        not null,
    currency      char(3)     not null,
    working_days  text        not null default '1,2,3,4,5',
    working_hours text        not null default '08:00-12:00,13:00-17:00',
    archived      boolean     not null default false,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0
);
create unique index project_key_unique on project (upper(project_key));

create table project_holiday (
    project_id bigint not null references project (id) on delete cascade,
    day        date   not null,
    name       text   not null default '',
    primary key (project_id, day)
);

create table project_member (
    project_id bigint      not null references project (id) on delete cascade,
    user_id    bigint      not null references app_user (id),
    role       text        not null check (role in ('OWNER', 'MANAGER', 'MEMBER', 'STAKEHOLDER')),
    created_at timestamptz not null default now(),
    version    integer     not null default 0,
    primary key (project_id, user_id)
);
create index project_member_user on project_member (user_id);

-- Task statuses: three built in per project (one per category), more defined by the project.
create table task_status (
    project_id  bigint  not null references project (id) on delete cascade,
    status_key  text    not null,
    name        text    not null,
    category    text    not null check (category in ('TO_DO', 'IN_PROGRESS', 'DONE')),
    position    integer not null,
    built_in    boolean not null default false,
    version     integer not null default 0,
    primary key (project_id, status_key)
);

-- The work breakdown. position is the 1-based order among siblings; outline_path is the chain of
-- positions from the root (so ordering by it gives the outline, and joining it with dots gives the
-- WBS code). Both are maintained by the server on every structural change.
create table task (
    id               bigint generated always as identity primary key,
    project_id       bigint      not null references project (id) on delete cascade,
    parent_id        bigint references task (id) on delete cascade,
    position         integer     not null,
    outline_path     integer[]   not null,
    name             text        not null,
    description      text        not null default '',
    milestone        boolean     not null default false,
    status           text        not null,
    priority         text        not null default 'NORMAL',
    tags             text[]      not null default '{}',
    duration_minutes bigint      not null default 0 check (duration_minutes >= 0),
    duration_unit    text        not null default 'DAYS',
    start_at         timestamp,
    finish_at        timestamp,
    percent_complete integer     not null default 0 check (percent_complete between 0 and 100),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0,
    foreign key (project_id, status) references task_status (project_id, status_key)
);
create index task_outline on task (project_id, outline_path);
create index task_parent on task (parent_id);

create table task_assignee (
    task_id bigint not null references task (id) on delete cascade,
    user_id bigint not null references app_user (id),
    primary key (task_id, user_id)
);
create index task_assignee_user on task_assignee (user_id);

-- Dependencies. lag_minutes is working time; negative is a lead.
create table task_link (
    id             bigint generated always as identity primary key,
    project_id     bigint      not null references project (id) on delete cascade,
    predecessor_id bigint      not null references task (id) on delete cascade,
    successor_id   bigint      not null references task (id) on delete cascade,
    link_type      text        not null check (link_type in ('FS', 'SS', 'FF', 'SF')),
    lag_minutes    bigint      not null default 0,
    lag_unit       text        not null default 'DAYS',
    created_at     timestamptz not null default now(),
    version        integer     not null default 0,
    unique (predecessor_id, successor_id),
    check (predecessor_id <> successor_id)
);
create index task_link_project on task_link (project_id);
create index task_link_successor on task_link (successor_id);
