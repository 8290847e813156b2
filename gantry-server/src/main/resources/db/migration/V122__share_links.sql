-- Stakeholder share links (issue 15): a read-only link to a project's dashboard or to one published status
-- report, for people without an account. Only the SHA-256 of the random token is stored (the token itself is
-- shown once, at creation), so a copy of the database opens no link. The password, when set, is hashed like
-- account passwords. A revoked or expired link stays listed (who made it, when it was last opened) but opens
-- nothing. Live-tracked, so the list follows what another manager does.
create table share_link (
    id            bigint generated always as identity primary key,
    project_id    bigint      not null references project (id) on delete cascade,
    target        text        not null check (target in ('DASHBOARD', 'REPORT')),
    report_id     bigint      references status_report (id) on delete cascade,
    label         text        not null default '' check (length(label) <= 200),
    token_hash    text        not null unique check (length(token_hash) = 64),
    password_hash text,
    expires_at    timestamptz,
    created_by    bigint      references app_user (id) on delete set null,
    created_at    timestamptz not null default now(),
    revoked_by    bigint      references app_user (id) on delete set null,
    revoked_at    timestamptz,
    version       integer     not null default 0,
    check ((target = 'REPORT') = (report_id is not null))
);
create index share_link_project on share_link (project_id, created_at desc);
select live_track('share_link', 'project_id');

-- When each link was last opened, how often, and recent wrong passwords. Apart from share_link and not
-- live-tracked: a sponsor opening a link must not make every open page of the project refetch.
create table share_link_use (
    link_id           bigint      not null primary key references share_link (id) on delete cascade,
    last_opened_at    timestamptz,
    opened            bigint      not null default 0,
    failed_passwords  integer     not null default 0,
    failures_since    timestamptz
);
