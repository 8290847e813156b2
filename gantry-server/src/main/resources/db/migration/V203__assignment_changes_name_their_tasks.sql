-- An assignment change (a person assigned, their units or work changed, a duration edit that rescales the
-- work, an assignment removed) now records the tasks whose assignments changed, as task and link changes do
-- (V180), instead of "something else changed": the scheduler's kept network re-reads those tasks'
-- assignments only. Before, every such change read the whole project back, as did every duration edit of
-- an assigned task (duration_drives_assignments rewrites the assignments' work), which is nearly every edit
-- of an imported plan.
alter table schedule_change drop constraint schedule_change_entity_check;
alter table schedule_change add constraint schedule_change_entity_check
    check (entity in ('task', 'link', 'assignment', 'other'));

create function schedule_assignments_changed() returns trigger language plpgsql as $$
declare
    change record;
begin
    if tg_op = 'INSERT' then
        for change in select project_id, array_agg(distinct task_id) ids from new_rows group by project_id
                order by 1 loop
            perform schedule_changed(change.project_id, 'assignment', change.ids);
        end loop;
    elsif tg_op = 'DELETE' then
        for change in select project_id, array_agg(distinct task_id) ids from old_rows group by project_id
                order by 1 loop
            perform schedule_changed(change.project_id, 'assignment', change.ids);
        end loop;
    else
        -- An update may move an assignment to another task: both tasks' assignments changed.
        for change in select r.project_id, array_agg(distinct r.task_id) ids
                from (select project_id, task_id from old_rows union all select project_id, task_id from new_rows) r
                group by r.project_id order by 1 loop
            perform schedule_changed(change.project_id, 'assignment', change.ids);
        end loop;
    end if;
    return null;
end $$;

drop trigger schedule_assignment_inserted on assignment;
drop trigger schedule_assignment_updated on assignment;
drop trigger schedule_assignment_deleted on assignment;

create trigger schedule_assignment_inserted after insert on assignment referencing new table as new_rows
    for each statement execute function schedule_assignments_changed();
create trigger schedule_assignment_updated after update on assignment
    referencing old table as old_rows new table as new_rows
    for each statement execute function schedule_assignments_changed();
create trigger schedule_assignment_deleted after delete on assignment referencing old table as old_rows
    for each statement execute function schedule_assignments_changed();
