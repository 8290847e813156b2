-- Comments on tasks, in threads one level deep: a top-level comment (parent_id null) and its replies.
-- body is the Markdown as written; body_html the sanitised HTML made from it when it was written (with
-- mentions and task references resolved then, so a later move of the task keeps the link right).
-- A deleted comment keeps its row (its text cleared) while replies hang on it; resolved_* are only
-- set on top-level comments (the thread is resolved).
create table task_comment (
    id          bigint generated always as identity primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    task_id     bigint      not null references task (id) on delete cascade,
    parent_id   bigint      references task_comment (id) on delete cascade,
    author_id   bigint      references app_user (id) on delete set null,
    body        text        not null,
    body_html   text        not null,
    created_at  timestamptz not null default now(),
    edited_at   timestamptz,
    deleted_at  timestamptz,
    resolved_at timestamptz,
    resolved_by bigint      references app_user (id) on delete set null,
    version     integer     not null default 0
);
create index task_comment_task on task_comment (task_id, created_at);
create index task_comment_parent on task_comment (parent_id);

-- Who a comment mentions (members of the project when it was written).
create table task_comment_mention (
    comment_id bigint not null references task_comment (id) on delete cascade,
    user_id    bigint not null references app_user (id) on delete cascade,
    primary key (comment_id, user_id)
);
create index task_comment_mention_user on task_comment_mention (user_id);
