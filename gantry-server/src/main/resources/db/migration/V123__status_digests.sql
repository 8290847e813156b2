-- Scheduled status digests (issue 15): an e-mail to a stakeholder list, daily or weekly at a time in a time
-- zone the project manager sets, with the dashboard's figures or the latest published status report (its PDF
-- attached). next_send_at is the next time it is due; the job that sends it (db-scheduler, one instance at a
-- time) first moves next_send_at on with a compare-and-set, so a digest goes out once per occurrence even when
-- two servers run the job. Live-tracked, so the list follows what another manager does.
create table status_digest (
    id           bigint generated always as identity primary key,
    project_id   bigint      not null references project (id) on delete cascade,
    recipients   text[]      not null check (cardinality(recipients) between 1 and 50),
    cadence      text        not null check (cadence in ('DAILY', 'WEEKLY')),
    weekday      text        check (weekday in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY',
                                                'SUNDAY')),
    send_time    time        not null,
    time_zone    text        not null,
    content      text        not null check (content in ('DASHBOARD', 'REPORT')),
    next_send_at timestamptz not null,
    last_sent_at timestamptz,
    created_by   bigint      references app_user (id) on delete set null,
    created_at   timestamptz not null default now(),
    version      integer     not null default 0,
    check ((cadence = 'WEEKLY') = (weekday is not null))
);
create index status_digest_due on status_digest (next_send_at);
create index status_digest_project on status_digest (project_id);
select live_track('status_digest', 'project_id');
