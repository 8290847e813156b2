-- Risk register (issue 16), first part: a project's risks with probability and impact on a 5-point scale,
-- threat or opportunity, cause / event / effect, response, owner, status, next review, the tasks a risk
-- concerns, and optionally a quantified effect on one task (working days, with a chance of happening)
-- that the Monte Carlo schedule risk analysis draws. The score (probability x impact) is computed when
-- read, never stored.
create table risk (
    id                 bigint generated always as identity primary key,
    project_id         bigint      not null references project (id) on delete cascade,
    title              text        not null,
    kind               text        not null default 'THREAT' check (kind in ('THREAT', 'OPPORTUNITY')),
    category           text        not null default '',
    cause              text        not null default '',
    event              text        not null default '',
    effect             text        not null default '',
    probability        smallint    not null check (probability between 1 and 5),
    impact             smallint    not null check (impact between 1 and 5),
    response_strategy  text        check (response_strategy in
                                       ('AVOID', 'MITIGATE', 'TRANSFER', 'ACCEPT', 'ESCALATE', 'EXPLOIT', 'ENHANCE', 'SHARE')),
    response           text        not null default '',
    owner_id           bigint      references app_user (id) on delete set null,
    status             text        not null default 'OPEN' check (status in ('OPEN', 'MONITORING', 'OCCURRED', 'CLOSED')),
    review_date        date,
    delay_task_id      bigint      references task (id) on delete set null,
    delay_days         numeric(9, 2) check (delay_days > 0),
    delay_percent      smallint    check (delay_percent between 0 and 100),
    created_by         bigint      references app_user (id) on delete set null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer     not null default 0
);
create index risk_project on risk (project_id, id);

-- The tasks a risk concerns (its response tasks too), in the project of the risk.
create table risk_task (
    risk_id    bigint not null references risk (id) on delete cascade,
    task_id    bigint not null references task (id) on delete cascade,
    project_id bigint not null references project (id) on delete cascade,
    primary key (risk_id, task_id)
);
create index risk_task_task on risk_task (task_id);

select live_track('risk', 'project_id');
select live_track('risk_task', 'project_id');
