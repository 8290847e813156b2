-- Files attached to tasks. The bytes live on disk under the data folder (attachments/), named by
-- storage_key (random, never the uploader's name); this row is their metadata. content_type is what
-- the server detected from the bytes, not what the client said.
create table task_attachment (
    id           bigint generated always as identity primary key,
    project_id   bigint      not null references project (id) on delete cascade,
    task_id      bigint      not null references task (id) on delete cascade,
    storage_key  text        not null unique,
    name         text        not null,
    size_bytes   bigint      not null,
    content_type text        not null,
    sha256       text        not null,
    uploader_id  bigint      references app_user (id) on delete set null,
    created_at   timestamptz not null default now()
);
create index task_attachment_task on task_attachment (task_id, created_at);
create index task_attachment_project on task_attachment (project_id);
