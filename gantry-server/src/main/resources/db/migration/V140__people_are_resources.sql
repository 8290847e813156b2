-- One notion of resource (issue 12). A project member in the role member is a WORK resource of the project
-- linked by user_id (owners and managers become one when they are assigned a task: a project manager is
-- not counted as team capacity unless they do the work; stakeholders never), and a task's assignees are
-- the assignments of those resources: task_assignee stays as the list of people on a task that boards, My work,
-- notifications and timesheets read, and these triggers keep it and assignment in step both ways, so an
-- assignee added anywhere is an assignment (units 100 %, work = the task's duration) and an assignment of a
-- person shows them as an assignee.

-- Free tags on a resource (team, skill): the workload view filters by them.
alter table resource add column tags text[] not null default '{}';

-- What these triggers write in step with a person's edit is a consequence of it, already in the activity
-- log as that edit ("assignee created", "member added", "task updated"): their own rows are written with
-- the activity record paused, and the setting restored after.
create function activity_pause() returns text
    language plpgsql as $$
declare
    was text := coalesce(current_setting('gantry.activity', true), '');
begin
    perform set_config('gantry.activity', 'paused', true);
    return was;
end $$;

create function activity_resume(was text) returns void
    language plpgsql as $$
begin
    perform set_config('gantry.activity', was, true);
end $$;

-- The person's resource in a project, created when missing (name and e-mail from the account).
create function person_resource(p_project bigint, p_user bigint) returns bigint
    language plpgsql as $$
declare
    found bigint;
    was   text;
begin
    select id into found from resource
     where project_id = p_project and user_id = p_user and kind = 'WORK' order by id limit 1;
    if found is null then
        was := activity_pause();
        insert into resource (project_id, name, email, kind, user_id, max_units)
        select p_project, u.name, u.email, 'WORK', u.id, 100 from app_user u where u.id = p_user
        returning id into found;
        perform activity_resume(was);
    end if;
    return found;
end $$;

-- Existing data: every member gets a resource, every assignee an assignment (nothing is lost:
-- the assignee rows stay). Work is the task's duration at 100 %, so the engine computes the same dates as
-- before. Summary tasks keep their assignees but get no assignment: their work is their subtasks'.
select person_resource(m.project_id, m.user_id) from project_member m where m.role = 'MEMBER';
select person_resource(t.project_id, a.user_id)
  from task_assignee a join task t on t.id = a.task_id
 where not exists (select 1 from resource r where r.project_id = t.project_id and r.user_id = a.user_id
                   and r.kind = 'WORK');
insert into assignment (project_id, task_id, resource_id, units, work_minutes, remaining_work_minutes)
select t.project_id, t.id,
       (select r.id from resource r where r.project_id = t.project_id and r.user_id = a.user_id and r.kind = 'WORK'
         order by r.id limit 1),
       100, case when t.milestone then 0 else t.duration_minutes end,
       case when t.milestone then 0 else t.duration_minutes end
  from task_assignee a join task t on t.id = a.task_id
 where not exists (select 1 from task c where c.parent_id = t.id)
on conflict (task_id, resource_id) do nothing;

create function member_is_resource() returns trigger
    language plpgsql as $$
begin
    if new.role = 'MEMBER' then
        perform person_resource(new.project_id, new.user_id);
    end if;
    return null;
end $$;
create trigger project_member_resource after insert or update of role on project_member
    for each row execute function member_is_resource();

create function assignee_to_assignment() returns trigger
    language plpgsql as $$
declare
    t   task%rowtype;
    was text;
begin
    if tg_op = 'INSERT' then
        select * into t from task where id = new.task_id;
        if exists (select 1 from task c where c.parent_id = t.id) then
            return null;
        end if;
        was := activity_pause();
        insert into assignment (project_id, task_id, resource_id, units, work_minutes, remaining_work_minutes)
        values (t.project_id, t.id, person_resource(t.project_id, new.user_id), 100,
                case when t.milestone then 0 else t.duration_minutes end,
                case when t.milestone then 0 else t.duration_minutes end)
        on conflict (task_id, resource_id) do nothing;
        perform activity_resume(was);
    else
        was := activity_pause();
        delete from assignment a using resource r
         where a.task_id = old.task_id and r.id = a.resource_id and r.user_id = old.user_id;
        perform activity_resume(was);
    end if;
    return null;
end $$;
create trigger task_assignee_assignment after insert or delete on task_assignee
    for each row execute function assignee_to_assignment();

-- An assignment of a person who is a member makes them an assignee; removing it removes them, unless
-- another resource of the same person still works on the task.
create function assignment_to_assignee() returns trigger
    language plpgsql as $$
declare
    person bigint;
    was    text;
begin
    if tg_op = 'INSERT' then
        select r.user_id into person from resource r where r.id = new.resource_id;
        if person is not null and exists (select 1 from project_member m where m.project_id = new.project_id
                                          and m.user_id = person) then
            was := activity_pause();
            insert into task_assignee (task_id, user_id) values (new.task_id, person) on conflict do nothing;
            perform activity_resume(was);
        end if;
    else
        select r.user_id into person from resource r where r.id = old.resource_id;
        if person is not null and not exists (select 1 from assignment a join resource r on r.id = a.resource_id
                                              where a.task_id = old.task_id and r.user_id = person) then
            was := activity_pause();
            delete from task_assignee where task_id = old.task_id and user_id = person;
            perform activity_resume(was);
        end if;
    end if;
    return null;
end $$;
create trigger assignment_assignee after insert or delete on assignment
    for each row execute function assignment_to_assignee();

-- A duration typed on a task with assignments follows Microsoft Project's task types: fixed units and
-- fixed duration keep the units and change the work (work = duration x units); fixed work keeps the work
-- and changes the units (units = work / duration). The scheduler, writing back the duration it computed
-- from work and units, sets gantry.duration_from_work so its own write changes nothing here.
create function duration_drives_assignments() returns trigger
    language plpgsql as $$
declare
    was text;
begin
    if coalesce(current_setting('gantry.duration_from_work', true), '') = 'on' then
        return new;
    end if;
    was := activity_pause();
    if new.task_type = 'FIXED_WORK' then
        if new.duration_minutes > 0 then
            update assignment a set units = round(a.work_minutes * 100.0 / new.duration_minutes, 2),
                   version = a.version + 1
              from resource r
             where a.task_id = new.id and r.id = a.resource_id and r.kind = 'WORK' and a.work_minutes > 0;
        end if;
    else
        update assignment a set work_minutes = round(new.duration_minutes * a.units / 100.0),
               remaining_work_minutes = greatest(round(new.duration_minutes * a.units / 100.0)
                                                 - a.actual_work_minutes, 0),
               version = a.version + 1
          from resource r
         where a.task_id = new.id and r.id = a.resource_id and r.kind = 'WORK';
        -- A task's own work is kept only where a plan stored one (an import): it stays the sum of its work.
        if found and new.work_minutes is not null then
            new.work_minutes := (select sum(a.work_minutes) from assignment a join resource r on r.id = a.resource_id
                                  where a.task_id = new.id and r.kind = 'WORK');
        end if;
    end if;
    perform activity_resume(was);
    return new;
end $$;
create trigger task_duration_assignments before update of duration_minutes on task
    for each row when (new.duration_minutes is distinct from old.duration_minutes)
    execute function duration_drives_assignments();
