-- An expense's receipt (issue 14): one file per expense, its bytes in the attachment store (named by
-- storage_key like task attachments, kept by the hourly sweep while this row refers to them, counted in the
-- project's total). content_type is what the server detected from the bytes. The row goes with its expense.
create table expense_receipt (
    id           bigint generated always as identity primary key,
    expense_id   bigint      not null unique references expense (id) on delete cascade,
    project_id   bigint      not null references project (id) on delete cascade,
    storage_key  text        not null unique,
    name         text        not null,
    size_bytes   bigint      not null,
    content_type text        not null,
    sha256       text        not null,
    uploader_id  bigint      references app_user (id) on delete set null,
    created_at   timestamptz not null default now()
);
create index expense_receipt_project on expense_receipt (project_id);
select live_track('expense_receipt', 'project_id');
