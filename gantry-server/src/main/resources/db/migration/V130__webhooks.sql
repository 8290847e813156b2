-- Engineering signals: incoming webhooks of git hosts and CI, what they delivered, and the links of
-- commits, branches and pull requests to tasks.

-- One endpoint per project and provider. public_id is the random part of the delivery URL
-- (/api/v1/hooks/{public_id}); secret holds the shared secret, "plain:<secret>" or, when the server has a
-- key (GANTRY_WEBHOOK_KEY), "aes:<base64 of nonce and AES-GCM ciphertext>": it must be readable to
-- compute the HMAC of each delivery, so it cannot be hashed like a password.
create table webhook (
    id          bigint generated always as identity primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    public_id   text        not null unique,
    name        text        not null,
    provider    text        not null check (provider in ('GITHUB', 'GITLAB', 'GITEA', 'GENERIC')),
    secret      text        not null,
    secret_hint text        not null,
    created_by  bigint references app_user (id) on delete set null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create index webhook_project on webhook (project_id);

-- Every accepted delivery, once: a provider's redelivery carries the same delivery id.
create table webhook_delivery (
    id          bigint generated always as identity primary key,
    webhook_id  bigint      not null references webhook (id) on delete cascade,
    project_id  bigint      not null references project (id) on delete cascade,
    delivery_id text        not null,
    event       text        not null,
    kind        text        not null,
    received_at timestamptz not null default now(),
    payload     text        not null,
    unique (webhook_id, delivery_id)
);
create index webhook_delivery_project on webhook_delivery (project_id, received_at desc);

create table dev_commit (
    id           bigint generated always as identity primary key,
    project_id   bigint      not null references project (id) on delete cascade,
    repository   text        not null,
    sha          text        not null,
    message      text        not null,
    author_name  text,
    author_email text,
    committed_at timestamptz,
    url          text,
    branch       text,
    delivery_id  bigint references webhook_delivery (id) on delete set null,
    unique (project_id, repository, sha)
);

create table dev_branch (
    id         bigint generated always as identity primary key,
    project_id bigint      not null references project (id) on delete cascade,
    repository text        not null,
    name       text        not null,
    head_sha   text,
    deleted    boolean     not null default false,
    updated_at timestamptz not null default now(),
    unique (project_id, repository, name)
);

create table dev_pull_request (
    id            bigint generated always as identity primary key,
    project_id    bigint      not null references project (id) on delete cascade,
    repository    text        not null,
    number        bigint      not null,
    title         text        not null,
    url           text,
    state         text        not null check (state in ('OPEN', 'MERGED', 'CLOSED')),
    source_branch text,
    target_branch text,
    head_sha      text,
    merge_sha     text,
    author        text,
    opened_at     timestamptz,
    merged_at     timestamptz,
    closed_at     timestamptz,
    updated_at    timestamptz not null default now(),
    unique (project_id, repository, number)
);

-- Check runs, workflow runs and pipelines: the latest word on each run.
create table dev_check (
    id           bigint generated always as identity primary key,
    project_id   bigint      not null references project (id) on delete cascade,
    repository   text        not null,
    external_id  text        not null,
    name         text        not null,
    sha          text,
    branch       text,
    status       text        not null,
    conclusion   text,
    url          text,
    started_at   timestamptz,
    completed_at timestamptz,
    updated_at   timestamptz not null default now(),
    unique (project_id, repository, external_id)
);
create index dev_check_sha on dev_check (project_id, sha);

create table dev_release (
    id           bigint generated always as identity primary key,
    project_id   bigint      not null references project (id) on delete cascade,
    repository   text        not null,
    tag          text        not null,
    name         text,
    url          text,
    sha          text,
    prerelease   boolean     not null default false,
    published_at timestamptz,
    unique (project_id, repository, tag)
);

-- Deployments: the latest status of each deployment (GitHub sends one deployment, then its statuses).
create table dev_deployment (
    id          bigint generated always as identity primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    repository  text        not null,
    external_id text        not null,
    environment text        not null,
    status      text        not null,
    sha         text,
    ref         text,
    url         text,
    deployed_at timestamptz,
    updated_at  timestamptz not null default now(),
    unique (project_id, repository, external_id)
);
create index dev_deployment_sha on dev_deployment (project_id, sha);

-- Issues of the git host, with their labels (bug, incident, security) for the quality measures.
create table dev_issue (
    id         bigint generated always as identity primary key,
    project_id bigint      not null references project (id) on delete cascade,
    repository text        not null,
    number     bigint      not null,
    title      text        not null,
    url        text,
    state      text        not null,
    labels     text[]      not null default '{}',
    opened_at  timestamptz,
    closed_at  timestamptz,
    updated_at timestamptz not null default now(),
    unique (project_id, repository, number)
);

-- A commit (ref = sha), branch (ref = name) or pull request (ref = number) that names a task.
create table dev_task_link (
    id         bigint generated always as identity primary key,
    project_id bigint      not null references project (id) on delete cascade,
    task_id    bigint      not null references task (id) on delete cascade,
    kind       text        not null check (kind in ('COMMIT', 'BRANCH', 'PULL_REQUEST')),
    repository text        not null,
    ref        text        not null,
    linked_at  timestamptz not null default now(),
    unique (task_id, kind, repository, ref)
);
create index dev_task_link_project on dev_task_link (project_id, kind, repository, ref);
