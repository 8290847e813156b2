-- Attachments in the activity log: uploads and deletes are recorded like every other change people
-- make (V51), under the task they belong to (so they show in its History), labelled with the file name.
create or replace function activity_task(entity text, row_data jsonb) returns bigint language sql immutable as $$
    select case entity
        when 'task' then (row_data ->> 'id')::bigint
        when 'link' then (row_data ->> 'successor_id')::bigint
        when 'assignee' then (row_data ->> 'task_id')::bigint
        when 'assignment' then (row_data ->> 'task_id')::bigint
        when 'comment' then (row_data ->> 'task_id')::bigint
        when 'attachment' then (row_data ->> 'task_id')::bigint
    end
$$;

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
    end, '')
$$;

select track_activity('task_attachment', 'attachment');
