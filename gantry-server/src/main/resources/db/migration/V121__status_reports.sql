-- Status reports (issue 15): a project's dashboard frozen at a report date, with the sections a sponsor reads
-- (milestones against a baseline, key risks and open issues, accomplishments, next steps, schedule variance),
-- stored as one JSON snapshot so a report never changes when the plan does. The project manager's RAG per
-- area (schedule, cost, scope, risk: each {area, rag, comment}) starts at the computed health colours and may
-- be overridden while the report is a DRAFT; a PUBLISHED report takes no more changes. Live-tracked, so the
-- report list and an open draft follow what another manager does.
create table status_report (
    id               bigint generated always as identity primary key,
    project_id       bigint      not null references project (id) on delete cascade,
    title            text        not null check (length(title) between 1 and 200),
    summary          text        not null default '' check (length(summary) <= 5000),
    state            text        not null default 'DRAFT' check (state in ('DRAFT', 'PUBLISHED')),
    status_date      timestamp   not null,
    baseline_slot    integer     not null check (baseline_slot between 0 and 10),
    next_period_days integer     not null check (next_period_days between 1 and 92),
    areas            jsonb       not null,
    snapshot         jsonb       not null,
    created_by       bigint      references app_user (id) on delete set null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    published_by     bigint      references app_user (id) on delete set null,
    published_at     timestamptz,
    version          integer     not null default 0
);
create index status_report_project on status_report (project_id, status_date desc, id desc);
select live_track('status_report', 'project_id');
