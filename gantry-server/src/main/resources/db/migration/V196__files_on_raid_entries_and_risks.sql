-- Files on the entries of the RAID log themselves (issue 16: "comments and attachments as on tasks"): on an
-- assumption, issue, dependency or decision (raid_entry_id) or on a risk of the register (risk_id). Such a file
-- belongs to that entry alone (task_id and comment_id null) and goes with it: the database deletes the row by
-- cascade and the hourly sweep the file no row refers to any more. Limits, the project's total, detection of the
-- type and the activity log (the trigger of V53, labelled with the file name) work as for every other file.
alter table task_attachment add column raid_entry_id bigint references raid_entry (id) on delete cascade;
alter table task_attachment add column risk_id bigint references risk (id) on delete cascade;
alter table task_attachment drop constraint task_attachment_on_task_or_comment;
alter table task_attachment add constraint task_attachment_has_a_place
    check (task_id is not null or comment_id is not null or raid_entry_id is not null or risk_id is not null);
create index task_attachment_raid_entry on task_attachment (raid_entry_id, created_at) where raid_entry_id is not null;
create index task_attachment_risk on task_attachment (risk_id, created_at) where risk_id is not null;
