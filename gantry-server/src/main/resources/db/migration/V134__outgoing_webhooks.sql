-- Outgoing webhooks: a project notifies a URL (a chat tool, a script) when its tasks, milestones or schedule
-- change. The deliveries are a queue in this database (an outbox): written by a trigger on the activity log
-- in the transaction of the change itself, so a change that rolls back sends nothing and no code path can
-- forget to notify; sent by whichever server instance claims a row first (FOR UPDATE SKIP LOCKED), retried
-- with back-off, and kept as the delivery log.

-- secret: as webhook.secret ("plain:" or "aes:"), readable because each delivery is signed with it.
-- events: which changes it wants, any of 'task', 'milestone', 'schedule'.
create table outgoing_webhook (
    id          bigint generated always as identity primary key,
    project_id  bigint      not null references project (id) on delete cascade,
    name        text        not null,
    url         text        not null,
    secret      text        not null,
    secret_hint text        not null,
    events      text[]      not null,
    active      boolean     not null default true,
    created_by  bigint references app_user (id) on delete set null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create index outgoing_webhook_project on outgoing_webhook (project_id) where active;

-- state: PENDING (waiting for its first or next attempt, at next_attempt_at), DELIVERED (a 2xx answer),
-- FAILED (gave up after the last attempt, or the webhook was turned off). claimed_until is the lease of the
-- instance sending it: another instance leaves the row alone until then. transaction_id gathers the
-- scheduler's moves of one transaction into one schedule.changed delivery.
create table outgoing_delivery (
    id              bigint generated always as identity primary key,
    webhook_id      bigint      not null references outgoing_webhook (id) on delete cascade,
    project_id      bigint      not null references project (id) on delete cascade,
    delivery_id     uuid        not null default gen_random_uuid() unique,
    event           text        not null,
    payload         jsonb       not null,
    created_at      timestamptz not null default clock_timestamp(),
    state           text        not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    claimed_until   timestamptz,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    transaction_id  bigint
);
create index outgoing_delivery_due on outgoing_delivery (next_attempt_at) where state = 'PENDING';
create index outgoing_delivery_log on outgoing_delivery (webhook_id, id desc);
create unique index outgoing_delivery_schedule on outgoing_delivery (webhook_id, transaction_id)
    where event = 'schedule.changed' and state = 'PENDING' and attempts = 0;

-- Server-wide: whether webhooks may call loopback, private, link-local and other internal addresses (off:
-- a project manager must not be able to make the server probe its own network).
create table outgoing_webhook_settings (
    id                      integer primary key check (id = 1),
    allow_private_addresses boolean     not null default false,
    updated_at              timestamptz not null default now(),
    version                 integer     not null default 0
);
insert into outgoing_webhook_settings (id) values (1);

-- A task as a delivery names it: its key (DEMO-42), its name now (or as it was, when deleted) and its page.
create function outgoing_payload_task(task_id bigint, label text, project_key text, milestone boolean)
    returns jsonb language sql stable as $$
    select jsonb_build_object(
        'id', task_id,
        'key', project_key || '-' || task_id,
        'name', coalesce((select t.name from task t where t.id = task_id), label),
        'milestone', milestone,
        'path', '/projects/' || project_key || '/tasks/' || task_id)
$$;

create function outgoing_enqueue() returns trigger language plpgsql as $$
begin
    -- The common case, a project without outgoing webhooks, costs one indexed look.
    if not exists (select 1 from outgoing_webhook w
                   where w.active and w.project_id in (select distinct n.project_id from new_rows n)) then
        return null;
    end if;
    -- Changes people, tokens, webhooks or the system made: one delivery per changed task.
    insert into outgoing_delivery (webhook_id, project_id, event, payload)
    select w.id, r.project_id, e.event,
           jsonb_build_object(
               'event', e.event,
               'occurredAt', to_char(r.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'project', jsonb_build_object('key', p.project_key, 'name', p.name),
               'task', outgoing_payload_task(r.task_id, r.label, p.project_key, m.milestone),
               'actor', jsonb_build_object('kind', r.actor_kind, 'id', r.actor_id,
                                           'name', (select u.name from app_user u where u.id = r.actor_id)),
               'changes', r.changes,
               'text', coalesce((select u.name from app_user u where u.id = r.actor_id),
                                initcap(r.actor_kind)) || ' ' || r.action || ' '
                       || case when m.milestone then 'milestone ' else 'task ' end
                       || p.project_key || '-' || r.task_id || ' “' || r.label || '”'
                       || case when r.action = 'updated'
                               then ': ' || (select string_agg(k, ', ' order by k) from jsonb_object_keys(r.changes) k)
                               else '' end)
    from new_rows r
    join project p on p.id = r.project_id
    cross join lateral (select coalesce((r.changes -> 'milestone' ->> 1)::boolean,
                                        (r.changes -> 'milestone' ->> 0)::boolean,
                                        (select t.milestone from task t where t.id = r.task_id),
                                        false) as milestone) m
    cross join lateral (select case when m.milestone then 'milestone' else 'task' end || '.' || r.action as event) e
    join outgoing_webhook w on w.project_id = r.project_id and w.active
                           and (case when m.milestone then 'milestone' else 'task' end) = any (w.events)
    where r.entity = 'task' and r.actor_kind <> 'scheduler' and r.action in ('created', 'updated', 'deleted');

    -- Dates the scheduler moved: one schedule.changed per webhook and transaction, however many statements
    -- the reschedule wrote, listing each moved task once (its latest change wins).
    insert into outgoing_delivery as d (webhook_id, project_id, event, payload, transaction_id)
    select w.id, s.project_id, 'schedule.changed',
           jsonb_build_object(
               'event', 'schedule.changed',
               'occurredAt', to_char(s.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'project', jsonb_build_object('key', s.key, 'name', s.name),
               'tasks', s.tasks,
               'text', 'The schedule of ' || s.key || ' changed'),
           txid_current()
    from (select r.project_id, p.project_key as key, p.name, max(r.occurred_at) as occurred_at,
                 jsonb_object_agg(r.task_id::text, outgoing_payload_task(r.task_id, r.label, p.project_key,
                     coalesce((select t.milestone from task t where t.id = r.task_id), false))
                     || jsonb_build_object('changes', r.changes)) as tasks
          from new_rows r join project p on p.id = r.project_id
          where r.entity = 'task' and r.actor_kind = 'scheduler' and r.action = 'updated'
          group by r.project_id, p.project_key, p.name) s
    join outgoing_webhook w on w.project_id = s.project_id and w.active and 'schedule' = any (w.events)
    on conflict (webhook_id, transaction_id) where event = 'schedule.changed' and state = 'PENDING' and attempts = 0
    do update set payload = d.payload || jsonb_build_object('occurredAt', excluded.payload -> 'occurredAt',
                                                            'tasks', (d.payload -> 'tasks') || (excluded.payload -> 'tasks'));
    return null;
end
$$;

create trigger activity_outgoing_webhooks after insert on activity referencing new table as new_rows
    for each statement execute function outgoing_enqueue();
