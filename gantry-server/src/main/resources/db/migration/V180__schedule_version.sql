-- A version per project's schedule, bumped in the same transaction as any change to what the engine reads
-- (tasks, links, assignments, resources, time off, the project's calendar), with the ids of the tasks and
-- links that changed. A server keeps a project's network in memory at a version and, before the next
-- reschedule, reads only the changes since then: a change made through another instance is never missed,
-- because it bumped the version where every instance looks.
--
-- Statement-level triggers with transition tables: one call per statement, however many rows it wrote
-- (the scheduler writes thousands of tasks in one statement). No foreign key to project: a project's
-- deletion cascades into its tasks, whose trigger then skips the project that is going.

create table schedule_version (
    project_id bigint primary key,
    version    bigint not null
);

create table schedule_change (
    project_id bigint not null,
    version    bigint not null,
    -- 'task' or 'link' with the ids written (inserted, updated or deleted); 'other' for anything else the
    -- engine reads (the project row, holidays, calendars, assignments, resources, time off): reload all.
    entity     text   not null check (entity in ('task', 'link', 'other')),
    ids        bigint[],
    primary key (project_id, version)
);

-- Records one change of a project. Taking the project's advisory lock first keeps every writer in the same
-- order as the scheduler (lock, then rows): waiting for the lock while holding this project's version row
-- would deadlock with a reschedule that holds the lock. A project being deleted records nothing.
create function schedule_changed(p_project bigint, p_entity text, p_ids bigint[]) returns void
language plpgsql as $$
declare
    next_version bigint;
begin
    if p_project is null or not exists (select 1 from project where id = p_project) then
        return;
    end if;
    perform pg_advisory_xact_lock(p_project);
    insert into schedule_version as v (project_id, version) values (p_project, 1)
        on conflict (project_id) do update set version = v.version + 1
        returning v.version into next_version;
    insert into schedule_change (project_id, version, entity, ids)
        values (p_project, next_version, p_entity, case when p_entity = 'other' then null else p_ids end);
end $$;

-- Tasks and links: the ids written, per project (a statement may touch several projects).
create function schedule_rows_changed() returns trigger language plpgsql as $$
declare
    change record;
begin
    if tg_op = 'DELETE' then
        for change in select project_id, array_agg(id) ids from old_rows group by project_id order by 1 loop
            perform schedule_changed(change.project_id, tg_argv[0], change.ids);
        end loop;
    else
        for change in select project_id, array_agg(id) ids from new_rows group by project_id order by 1 loop
            perform schedule_changed(change.project_id, tg_argv[0], change.ids);
        end loop;
    end if;
    return null;
end $$;

create trigger schedule_task_inserted after insert on task referencing new table as new_rows
    for each statement execute function schedule_rows_changed('task');
create trigger schedule_task_updated after update on task referencing new table as new_rows
    for each statement execute function schedule_rows_changed('task');
create trigger schedule_task_deleted after delete on task referencing old table as old_rows
    for each statement execute function schedule_rows_changed('task');

create trigger schedule_link_inserted after insert on task_link referencing new table as new_rows
    for each statement execute function schedule_rows_changed('link');
create trigger schedule_link_updated after update on task_link referencing new table as new_rows
    for each statement execute function schedule_rows_changed('link');
create trigger schedule_link_deleted after delete on task_link referencing old table as old_rows
    for each statement execute function schedule_rows_changed('link');

-- The rest only says "something the engine reads changed" for the projects concerned.
create function schedule_other_changed() returns trigger language plpgsql as $$
declare
    change record;
begin
    if tg_op = 'DELETE' then
        for change in select distinct project_id from old_rows order by 1 loop
            perform schedule_changed(change.project_id, 'other', null);
        end loop;
    else
        for change in select distinct project_id from new_rows order by 1 loop
            perform schedule_changed(change.project_id, 'other', null);
        end loop;
    end if;
    return null;
end $$;

create trigger schedule_assignment_inserted after insert on assignment referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_assignment_updated after update on assignment referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_assignment_deleted after delete on assignment referencing old table as old_rows
    for each statement execute function schedule_other_changed();

create trigger schedule_resource_inserted after insert on resource referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_resource_updated after update on resource referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_resource_deleted after delete on resource referencing old table as old_rows
    for each statement execute function schedule_other_changed();

create trigger schedule_holiday_inserted after insert on project_holiday referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_holiday_updated after update on project_holiday referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_holiday_deleted after delete on project_holiday referencing old table as old_rows
    for each statement execute function schedule_other_changed();

create trigger schedule_calendar_inserted after insert on project_calendar referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_calendar_updated after update on project_calendar referencing new table as new_rows
    for each statement execute function schedule_other_changed();
create trigger schedule_calendar_deleted after delete on project_calendar referencing old table as old_rows
    for each statement execute function schedule_other_changed();

-- The project row, only when a field the engine reads changes (its version and updated_at move often).
create function schedule_project_changed() returns trigger language plpgsql as $$
begin
    perform schedule_changed(new.id, 'other', null);
    return null;
end $$;

create trigger schedule_project_updated after update on project for each row
    when (old.start_date is distinct from new.start_date
          or old.working_days is distinct from new.working_days
          or old.working_hours is distinct from new.working_hours
          or old.status_date is distinct from new.status_date
          or old.calendar_key is distinct from new.calendar_key
          or old.imported_calendar_signature is distinct from new.imported_calendar_signature
          or old.start_time is distinct from new.start_time)
    execute function schedule_project_changed();

-- Time off belongs to a resource, or to a person and so to every project where they are a resource.
create function schedule_time_off_changed() returns trigger language plpgsql as $$
declare
    change record;
begin
    if tg_op = 'DELETE' then
        for change in select distinct r.project_id from resource r join old_rows o
                on o.resource_id = r.id or (o.user_id is not null and r.user_id = o.user_id) order by 1 loop
            perform schedule_changed(change.project_id, 'other', null);
        end loop;
    else
        for change in select distinct r.project_id from resource r join new_rows o
                on o.resource_id = r.id or (o.user_id is not null and r.user_id = o.user_id) order by 1 loop
            perform schedule_changed(change.project_id, 'other', null);
        end loop;
    end if;
    return null;
end $$;

create trigger schedule_time_off_inserted after insert on time_off referencing new table as new_rows
    for each statement execute function schedule_time_off_changed();
create trigger schedule_time_off_updated after update on time_off referencing new table as new_rows
    for each statement execute function schedule_time_off_changed();
create trigger schedule_time_off_deleted after delete on time_off referencing old table as old_rows
    for each statement execute function schedule_time_off_changed();

-- A deleted project's versions go with it.
create function schedule_project_deleted() returns trigger language plpgsql as $$
begin
    delete from schedule_change where project_id = old.id;
    delete from schedule_version where project_id = old.id;
    return null;
end $$;

create trigger schedule_project_deleted after delete on project for each row
    execute function schedule_project_deleted();
