-- Live updates: every transaction that changes a project's data bumps that project's change number once,
-- at commit, and tells every server listening on the channel 'gantry_project_changes' ('<project>:<number>').
-- NOTIFY is delivered only when the transaction commits, so a refused change (400, 409) tells nobody.
--
-- The number is per project and gap-free in commit order: it is taken under the row lock of
-- project_change just before commit (a deferred constraint trigger), so a later commit always carries a
-- larger number. A page that saw number n and reconnects asks for "anything after n": if the project's
-- number is larger, it refetches. (Activity ids would not do: an id is taken when the row is written, so a
-- transaction that wrote first can commit after one that wrote later.)
--
-- Taking the lock at commit, not at the first write, matters: edits take the project's advisory lock
-- only when they reschedule, after their first write, and a row lock held from the first write would
-- deadlock against it.
--
-- Statement-level triggers on every table of project data (the activity log's tables plus baselines and
-- calendars; positions and derived dates too, which the activity log leaves out) note the project in a
-- transaction-local setting and in the unlogged table project_change_pending, whose deferred trigger does
-- the bump and the NOTIFY once per project and transaction. A session with gantry.live = 'off' (the
-- server's GANTRY_LIVE=false, for measuring what live updates cost) skips all of it.
create table project_change (
    project_id bigint primary key,
    seq        bigint not null
);

create unlogged table project_change_pending (
    project_id bigint not null
);

create function live_note_projects(project_ids bigint[]) returns void language plpgsql as $$
declare
    pid bigint;
begin
    foreach pid in array project_ids loop
        continue when pid is null;
        continue when current_setting('gantry.live_p' || pid, true) = 'noted';
        perform set_config('gantry.live_p' || pid, 'noted', true);
        insert into project_change_pending (project_id) values (pid);
    end loop;
end
$$;

create function live_touch() returns trigger language plpgsql as $$
declare
    ids bigint[];
begin
    if current_setting('gantry.live', true) = 'off' then
        return null;
    end if;
    if tg_argv[0] = 'project' then
        if tg_op = 'DELETE' then
            select array_agg(distinct id) into ids from old_rows;
        else
            select array_agg(distinct id) into ids from new_rows;
        end if;
    elsif tg_argv[0] = 'task' then
        if tg_op = 'DELETE' then
            select array_agg(distinct t.project_id) into ids from old_rows r join task t on t.id = r.task_id;
        else
            select array_agg(distinct t.project_id) into ids from new_rows r join task t on t.id = r.task_id;
        end if;
    elsif tg_op = 'DELETE' then
        select array_agg(distinct project_id) into ids from old_rows;
    else
        select array_agg(distinct project_id) into ids from new_rows;
    end if;
    if ids is not null then
        perform live_note_projects(ids);
    end if;
    return null;
end
$$;

-- Runs at commit, once per project the transaction changed.
create function live_publish() returns trigger language plpgsql as $$
declare
    number bigint;
begin
    delete from project_change_pending where project_id = new.project_id;
    if exists (select 1 from project where id = new.project_id) then
        insert into project_change (project_id, seq) values (new.project_id, 1)
        on conflict (project_id) do update set seq = project_change.seq + 1
        returning seq into number;
    else
        -- The project itself was deleted: its pages have nothing left to show.
        delete from project_change where project_id = new.project_id;
        number := 0;
    end if;
    perform pg_notify('gantry_project_changes', new.project_id || ':' || number);
    return null;
end
$$;

create constraint trigger project_change_pending_publish after insert on project_change_pending
    deferrable initially deferred for each row execute function live_publish();

create function live_track(table_name text, shape text) returns void language plpgsql as $$
begin
    execute format('create trigger %I after insert on %I referencing new table as new_rows'
                   ' for each statement execute function live_touch(%L)', table_name || '_live_insert', table_name, shape);
    execute format('create trigger %I after update on %I referencing old table as old_rows new table as new_rows'
                   ' for each statement execute function live_touch(%L)', table_name || '_live_update', table_name, shape);
    execute format('create trigger %I after delete on %I referencing old table as old_rows'
                   ' for each statement execute function live_touch(%L)', table_name || '_live_delete', table_name, shape);
end
$$;

select live_track('project', 'project');
select live_track('project_member', 'project_id');
select live_track('project_holiday', 'project_id');
select live_track('project_calendar', 'project_id');
select live_track('task_status', 'project_id');
select live_track('task', 'project_id');
select live_track('task_assignee', 'task');
select live_track('task_link', 'project_id');
select live_track('task_baseline', 'project_id');
select live_track('resource', 'project_id');
select live_track('assignment', 'project_id');
select live_track('task_comment', 'project_id');
select live_track('task_attachment', 'project_id');

-- Who is looking at a project right now: one row per open live stream, on whichever server holds it.
-- Each server refreshes seen_at of its own rows every few seconds and removes its rows when a stream
-- ends; rows of a server that died are removed by the others once they are stale. Unlogged: after a
-- database crash nobody is connected anyway.
create unlogged table live_presence (
    stream_id  uuid primary key,
    project_id bigint      not null,
    user_id    bigint      not null,
    instance   text        not null,
    seen_at    timestamptz not null default now()
);
create index live_presence_project on live_presence (project_id);
create index live_presence_instance on live_presence (instance);
