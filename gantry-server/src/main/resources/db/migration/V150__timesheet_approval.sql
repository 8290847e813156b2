-- Time and money (issue 14): submitting a week, approving or rejecting it, locking periods, the settings of
-- how hours become actual work.
--
-- timesheet_submission: a person's week (Monday to Sunday) in one project, sent to the project's owners
-- and managers. The entries it covers point at it (time_entry.submission_id) and take its state: while
-- SUBMITTED or once APPROVED they are locked (a correction is a new entry); REJECTED frees them again.
-- A person may submit the same week again (entries logged after an approval): a new row each time.
create table timesheet_submission (
    id           bigint generated always as identity primary key,
    project_id   bigint      not null references project (id) on delete cascade,
    user_id      bigint      not null references app_user (id),
    week_start   date        not null check (extract(isodow from week_start) = 1),
    state        text        not null default 'SUBMITTED' check (state in ('SUBMITTED', 'APPROVED', 'REJECTED')),
    minutes      integer     not null check (minutes > 0),
    submitted_at timestamptz not null default now(),
    decided_by   bigint      references app_user (id),
    decided_at   timestamptz,
    reason       text        not null default '',
    version      integer     not null default 0
);
create index timesheet_submission_project_state on timesheet_submission (project_id, state);
create index timesheet_submission_user_week on timesheet_submission (user_id, week_start);

alter table time_entry
    add column state text not null default 'OPEN' check (state in ('OPEN', 'SUBMITTED', 'APPROVED')),
    add column submission_id bigint references timesheet_submission (id) on delete set null;
create index time_entry_submission on time_entry (submission_id);

-- A project's time settings (a row once changed; defaults without one). locked_before: no entry may be
-- logged, changed or deleted on a day before it (null: nothing locked); set by owners and system admins.
-- actuals: which hours become actual work on tasks and assignments, APPROVED only or ALL logged.
-- progress_from_hours: % complete follows actual work (true) or is entered by hand (false).
create table project_time_settings (
    project_id          bigint primary key references project (id) on delete cascade,
    locked_before       date,
    actuals             text    not null default 'APPROVED' check (actuals in ('APPROVED', 'ALL')),
    progress_from_hours boolean not null default false,
    updated_by          bigint references app_user (id),
    updated_at          timestamptz not null default now(),
    version             integer not null default 0
);

-- Approvals and time entries change what the project's pages show (approvals, actuals, earned value).
select live_track('timesheet_submission', 'project_id');
select live_track('time_entry', 'project_id');
select live_track('project_time_settings', 'project_id');
