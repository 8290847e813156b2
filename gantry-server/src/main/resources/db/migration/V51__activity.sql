-- The activity log: one row per changed row of anything people edit in a project (the project, its
-- members, statuses, holidays, tasks, assignees, links, resources, assignments, comments), written by
-- statement-level triggers in the transaction of the change itself. So a change that fails (a 400, a
-- stale version's 409) leaves no row, and no code path can forget to record.
--
-- Who: the application puts the caller into transaction-local settings when a write transaction begins
-- (gantry.actor_id, gantry.token_id); the scheduler marks its own writes (gantry.actor_kind =
-- 'scheduler') so dates the engine moved are told apart from dates a person typed. Without an actor
-- (start-up jobs, the demo project) the row says 'system'.
--
-- An import is one change: it pauses the row-by-row record (gantry.activity = 'paused') and writes a
-- single 'imported' row with what it brought, so a 4,000-task file costs no more than before.
--
-- changes holds each changed field as [old, new] (created: [null, new]; deleted: [old, null]). Fields
-- the server derives on every reschedule (early/late dates, slack, critical), renumbering (position,
-- outline path), bookkeeping (version, timestamps) and rendered HTML are left out.
create table activity (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default clock_timestamp(),
    project_id    bigint      not null references project (id) on delete cascade,
    entity        text        not null,
    entity_key    text        not null,
    task_id       bigint,
    other_task_id bigint,
    action        text        not null check (action in ('created', 'updated', 'deleted', 'imported')),
    label         text        not null default '',
    changes       jsonb       not null,
    actor_id      bigint      references app_user (id) on delete set null,
    token_id      bigint,
    actor_kind    text        not null check (actor_kind in ('user', 'token', 'scheduler', 'system'))
);
create index activity_project on activity (project_id, id desc);
create index activity_task on activity (task_id, id desc) where task_id is not null;
create index activity_other_task on activity (other_task_id, id desc) where other_task_id is not null;
create index activity_actor on activity (project_id, actor_id, id desc);

create function activity_ignored(field text) returns boolean language sql immutable as $$
    select field in ('id', 'project_id', 'created_at', 'updated_at', 'version', 'position', 'outline_path',
                     'early_start', 'early_finish', 'late_start', 'late_finish', 'total_slack_minutes',
                     'free_slack_minutes', 'critical', 'body_html', 'password_hash')
        or field like 'source\_%'
$$;

-- What identifies a row of each kind within its project (old and new rows of an update are matched by it).
create function activity_key(entity text, row_data jsonb) returns text language sql immutable as $$
    select case entity
        when 'member' then row_data ->> 'user_id'
        when 'status' then row_data ->> 'status_key'
        when 'holiday' then row_data ->> 'day'
        when 'assignee' then (row_data ->> 'task_id') || ':' || (row_data ->> 'user_id')
        else row_data ->> 'id'
    end
$$;

create function activity_project(entity text, row_data jsonb) returns bigint language sql stable as $$
    select case
        when entity = 'project' then (row_data ->> 'id')::bigint
        when entity = 'assignee' then (select t.project_id from task t where t.id = (row_data ->> 'task_id')::bigint)
        else (row_data ->> 'project_id')::bigint
    end
$$;

create function activity_task(entity text, row_data jsonb) returns bigint language sql immutable as $$
    select case entity
        when 'task' then (row_data ->> 'id')::bigint
        when 'link' then (row_data ->> 'successor_id')::bigint
        when 'assignee' then (row_data ->> 'task_id')::bigint
        when 'assignment' then (row_data ->> 'task_id')::bigint
        when 'comment' then (row_data ->> 'task_id')::bigint
    end
$$;

-- A name people recognise, as it was at the time of the change.
create function activity_label(entity text, row_data jsonb) returns text language sql stable as $$
    select coalesce(case entity
        when 'project' then row_data ->> 'name'
        when 'task' then row_data ->> 'name'
        when 'status' then row_data ->> 'name'
        when 'resource' then row_data ->> 'name'
        when 'holiday' then (row_data ->> 'day') || ' ' || (row_data ->> 'name')
        when 'member' then (select u.name from app_user u where u.id = (row_data ->> 'user_id')::bigint)
        when 'assignee' then (select u.name from app_user u where u.id = (row_data ->> 'user_id')::bigint)
            || ' on ' || (select t.name from task t where t.id = (row_data ->> 'task_id')::bigint)
        when 'link' then (select p.name from task p where p.id = (row_data ->> 'predecessor_id')::bigint)
            || ' → ' || (select s.name from task s where s.id = (row_data ->> 'successor_id')::bigint)
        when 'assignment' then (select r.name from resource r where r.id = (row_data ->> 'resource_id')::bigint)
            || ' on ' || (select t.name from task t where t.id = (row_data ->> 'task_id')::bigint)
        when 'comment' then left(row_data ->> 'body', 80)
    end, '')
$$;

create function record_activity() returns trigger language plpgsql as $$
declare
    entity    text := tg_argv[0];
    actor     bigint := nullif(current_setting('gantry.actor_id', true), '')::bigint;
    token     bigint := nullif(current_setting('gantry.token_id', true), '')::bigint;
    kind      text := coalesce(nullif(current_setting('gantry.actor_kind', true), ''),
                               case when actor is null then 'system' when token is not null then 'token' else 'user' end);
begin
    if current_setting('gantry.activity', true) = 'paused' then
        return null;
    end if;
    if tg_op = 'INSERT' then
        insert into activity (project_id, entity, entity_key, task_id, other_task_id, action, label, changes,
                              actor_id, token_id, actor_kind)
        select activity_project(entity, n.j), entity, activity_key(entity, n.j), activity_task(entity, n.j),
               case when entity = 'link' then (n.j ->> 'predecessor_id')::bigint end, 'created',
               activity_label(entity, n.j),
               coalesce((select jsonb_object_agg(f.key, jsonb_build_array(null, f.value))
                         from jsonb_each(n.j) f
                         where not activity_ignored(f.key) and f.value <> 'null'::jsonb), '{}'::jsonb),
               actor, token, kind
        from (select to_jsonb(r) as j from new_rows r) n;
    elsif tg_op = 'DELETE' then
        insert into activity (project_id, entity, entity_key, task_id, other_task_id, action, label, changes,
                              actor_id, token_id, actor_kind)
        select p.project_id, entity, activity_key(entity, o.j), activity_task(entity, o.j),
               case when entity = 'link' then (o.j ->> 'predecessor_id')::bigint end, 'deleted',
               activity_label(entity, o.j),
               coalesce((select jsonb_object_agg(f.key, jsonb_build_array(f.value, null))
                         from jsonb_each(o.j) f
                         where not activity_ignored(f.key) and f.value <> 'null'::jsonb), '{}'::jsonb),
               actor, token, kind
        from (select to_jsonb(r) as j from old_rows r) o
        cross join lateral (select activity_project(entity, o.j) as project_id) p
        -- Rows deleted with their project (or a task's assignees with their task) leave no trace to keep.
        where p.project_id is not null and exists (select 1 from project x where x.id = p.project_id);
    else
        insert into activity (project_id, entity, entity_key, task_id, other_task_id, action, label, changes,
                              actor_id, token_id, actor_kind)
        select activity_project(entity, n.j), entity, activity_key(entity, n.j), activity_task(entity, n.j),
               case when entity = 'link' then (n.j ->> 'predecessor_id')::bigint end, 'updated',
               activity_label(entity, n.j), d.changes, actor, token, kind
        from (select to_jsonb(r) as j from new_rows r) n
        join (select to_jsonb(r) as j from old_rows r) o
          on activity_key(entity, o.j) = activity_key(entity, n.j)
         and activity_project(entity, o.j) is not distinct from activity_project(entity, n.j)
        cross join lateral (
            select coalesce(jsonb_object_agg(f.key, jsonb_build_array(o.j -> f.key, f.value)), '{}'::jsonb) as changes
            from jsonb_each(n.j) f
            where not activity_ignored(f.key) and (o.j -> f.key) is distinct from f.value) d
        where d.changes <> '{}'::jsonb;
    end if;
    return null;
end
$$;

create function track_activity(table_name text, entity text) returns void language plpgsql as $$
begin
    execute format('create trigger %I after insert on %I referencing new table as new_rows'
                   ' for each statement execute function record_activity(%L)',
                   table_name || '_activity_insert', table_name, entity);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows'
                   ' for each statement execute function record_activity(%L)',
                   table_name || '_activity_update', table_name, entity);
    execute format('create trigger %I after delete on %I referencing old table as old_rows'
                   ' for each statement execute function record_activity(%L)',
                   table_name || '_activity_delete', table_name, entity);
end
$$;

select track_activity('project', 'project');
select track_activity('project_member', 'member');
select track_activity('project_holiday', 'holiday');
select track_activity('task_status', 'status');
select track_activity('task', 'task');
select track_activity('task_assignee', 'assignee');
select track_activity('task_link', 'link');
select track_activity('resource', 'resource');
select track_activity('assignment', 'assignment');
select track_activity('task_comment', 'comment');
