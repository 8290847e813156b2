-- Change requests (issue 16): a proposal to change the plan (title, description, reason, who asked) with
-- its proposed plan edits, taken through DRAFT -> SUBMITTED -> APPROVED / REJECTED / DEFERRED. The edits
-- are a JSON list (add a task, remove a task, change a duration, add or remove a link), applied to a
-- what-if copy of the plan to compute the impact, and to the real plan through the task services on
-- approval. The impact is stored when the request is submitted and again when it is approved, with the
-- plan version it was computed on (a digest of the versions of the project, its tasks, links and
-- assignments), so the change log shows what each approved change did.
create table change_request (
    id                       bigint generated always as identity primary key,
    project_id               bigint      not null references project (id) on delete cascade,
    title                    text        not null,
    description              text        not null default '',
    reason                   text        not null default '',
    requested_by             text        not null default '',
    state                    text        not null default 'DRAFT'
                                         check (state in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'DEFERRED')),
    edits                    jsonb       not null default '[]',
    decision_note            text        not null default '',
    decided_by               bigint      references app_user (id) on delete set null,
    decided_at               timestamptz,
    baseline_slot            smallint,
    impact_plan_version      text,
    impact_computed_at       timestamptz,
    impact_finish_before     timestamp,
    impact_finish_after      timestamp,
    impact_finish_delta_days numeric(12, 2),
    impact_moved_tasks       integer,
    impact_added_tasks       integer,
    impact_removed_tasks     integer,
    created_by               bigint      references app_user (id) on delete set null,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    version                  integer     not null default 0
);
create index change_request_project on change_request (project_id, state, id);

select live_track('change_request', 'project_id');
