-- Monte Carlo schedule risk runs (issue 16): a run is started through the API or the Risks page, waits
-- QUEUED, is claimed by one server instance (UPDATE ... FOR UPDATE SKIP LOCKED), RUNNING with its progress
-- written in chunks, and ends DONE with the report (as the synchronous endpoint answers it) or FAILED with
-- the reason. A run is never edited by a person, only started and deleted, so it has no version column.
-- The request is kept with every default filled in, so a stored run says exactly what was simulated; the
-- report stays as it was when the run ended, whatever happens to the plan afterwards.
create table schedule_risk_run (
    id              bigint generated always as identity primary key,
    project_id      bigint      not null references project (id) on delete cascade,
    started_by      bigint      references app_user (id) on delete set null,
    created_at      timestamptz not null default now(),
    request         jsonb       not null,
    iterations      integer     not null check (iterations > 0),
    seed            bigint      not null,
    distribution    text        not null,
    state           text        not null default 'QUEUED' check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    completed_runs  integer     not null default 0,
    progress        smallint    not null default 0 check (progress between 0 and 100),
    instance        text,
    started_at      timestamptz,
    heartbeat_at    timestamptz,
    finished_at     timestamptz,
    p80             timestamp,
    result          jsonb,
    error           text
);
create index schedule_risk_run_project on schedule_risk_run (project_id, id desc);
-- One run at a time per project: a second start while one is queued or running is refused (409).
create unique index schedule_risk_run_one_active on schedule_risk_run (project_id) where state in ('QUEUED', 'RUNNING');
create index schedule_risk_run_queued on schedule_risk_run (id) where state = 'QUEUED';
