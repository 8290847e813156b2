-- The activity log (V51) covers what later features added that people edit: risks of the register and
-- entries of the RAID log, recorded by the same triggers in the change's transaction (so a refused change
-- leaves no row), labelled with their title as it was.
create or replace function activity_label(entity text, row_data jsonb) returns text language sql stable as $$
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
        when 'attachment' then row_data ->> 'name'
        when 'risk' then row_data ->> 'title'
        when 'raid entry' then row_data ->> 'title'
    end, '')
$$;

select track_activity('risk', 'risk');
select track_activity('raid_entry', 'raid entry');
