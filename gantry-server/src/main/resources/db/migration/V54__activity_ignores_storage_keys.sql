-- An attachment's storage_key is the server's own name for the file on disk: nothing a reader of the
-- activity log needs (the file's name, size, type and checksum stay recorded).
create or replace function activity_ignored(field text) returns boolean language sql immutable as $$
    select field in ('id', 'project_id', 'created_at', 'updated_at', 'version', 'position', 'outline_path',
                     'early_start', 'early_finish', 'late_start', 'late_finish', 'total_slack_minutes',
                     'free_slack_minutes', 'critical', 'body_html', 'password_hash', 'storage_key')
        or field like 'source\_%'
$$;
