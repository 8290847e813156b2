-- RAID log (issue 16), the rest of it beside the risk register: a project's assumptions, issues,
-- dependencies (external) and decisions, each with an owner, a status of its type, dates, the tasks it
-- concerns and links to other entries. An issue may come from a risk that occurred (risk_id); a decision
-- records who decided, when and why, and may come from a change request's decision (change_request_id).
create table raid_entry (
    id                 bigint generated always as identity primary key,
    project_id         bigint      not null references project (id) on delete cascade,
    type               text        not null check (type in ('ASSUMPTION', 'ISSUE', 'DEPENDENCY', 'DECISION')),
    title              text        not null,
    description        text        not null default '',
    owner_id           bigint      references app_user (id) on delete set null,
    status             text        not null check (
                           (type = 'ASSUMPTION' and status in ('OPEN', 'VALIDATED', 'INVALID'))
                           or (type = 'ISSUE' and status in ('OPEN', 'IN_PROGRESS', 'RESOLVED'))
                           or (type = 'DEPENDENCY' and status in ('OPEN', 'AT_RISK', 'MET'))
                           or (type = 'DECISION' and status in ('PROPOSED', 'DECIDED', 'SUPERSEDED'))),
    raised_on          date        not null default current_date,
    due_on             date,
    closed_on          date,
    decided_by         bigint      references app_user (id) on delete set null,
    decided_on         date,
    rationale          text        not null default '',
    risk_id            bigint      references risk (id) on delete set null,
    change_request_id  bigint      references change_request (id) on delete set null,
    created_by         bigint      references app_user (id) on delete set null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            integer     not null default 0
);
create index raid_entry_project on raid_entry (project_id, id);

-- The tasks an entry concerns, in the project of the entry.
create table raid_entry_task (
    entry_id   bigint not null references raid_entry (id) on delete cascade,
    task_id    bigint not null references task (id) on delete cascade,
    project_id bigint not null references project (id) on delete cascade,
    primary key (entry_id, task_id)
);
create index raid_entry_task_task on raid_entry_task (task_id);

-- Links between entries of one project, stored once with the lower id first and read both ways.
create table raid_entry_link (
    entry_id        bigint not null references raid_entry (id) on delete cascade,
    linked_entry_id bigint not null references raid_entry (id) on delete cascade,
    project_id      bigint not null references project (id) on delete cascade,
    primary key (entry_id, linked_entry_id),
    check (entry_id < linked_entry_id)
);
create index raid_entry_link_linked on raid_entry_link (linked_entry_id);

select live_track('raid_entry', 'project_id');
select live_track('raid_entry_task', 'project_id');
select live_track('raid_entry_link', 'project_id');
