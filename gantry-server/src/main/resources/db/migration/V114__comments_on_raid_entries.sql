-- Comments on RAID entries (issue 16: "comments ... as on tasks"). A comment belongs to exactly one subject:
-- a task (task_id) or an entry of the RAID log (raid_entry_id); threads, Markdown, edits, deletes and resolved
-- threads work the same for both. Deleting the entry deletes its comments, as deleting a task does.
alter table task_comment alter column task_id drop not null;
alter table task_comment add column raid_entry_id bigint references raid_entry (id) on delete cascade;
alter table task_comment add constraint task_comment_one_subject check (num_nonnulls(task_id, raid_entry_id) = 1);
create index task_comment_raid_entry on task_comment (raid_entry_id, created_at) where raid_entry_id is not null;
