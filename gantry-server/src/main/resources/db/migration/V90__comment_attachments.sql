-- Files attached to a comment rather than to the task itself. They still belong to the task (task_id:
-- access, limits, activity and the task's file list work as before); comment_id says which comment
-- shows them. Deleting a comment deletes its files (the service does, so the files on disk go too).
alter table task_attachment add column comment_id bigint references task_comment (id) on delete cascade;
create index task_attachment_comment on task_attachment (comment_id) where comment_id is not null;
