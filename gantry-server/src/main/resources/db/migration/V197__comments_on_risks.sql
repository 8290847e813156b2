-- Comments on risks (issue 16: "comments and attachments as on tasks"), as V114 gave them to the other entries
-- of the RAID log: a comment belongs to exactly one subject, a task, an entry or now a risk (risk_id), and goes
-- with it. Threads, Markdown, mentions, files, edits, deletes and resolved threads work the same for all.
alter table task_comment add column risk_id bigint references risk (id) on delete cascade;
alter table task_comment drop constraint task_comment_one_subject;
alter table task_comment add constraint task_comment_one_subject check (num_nonnulls(task_id, raid_entry_id, risk_id) = 1);
create index task_comment_risk on task_comment (risk_id, created_at) where risk_id is not null;
