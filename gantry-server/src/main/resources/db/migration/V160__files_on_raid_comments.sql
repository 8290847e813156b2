-- Files on comments of RAID entries (issue 16, with issue 11's files on comments). Such a file belongs to its
-- comment alone: task_id is null, comment_id says where it shows, and it goes when the comment goes (the
-- comment goes with its entry). A file is always on a task or on a comment (or both: on a task's comment).
-- Access, limits (the project's total counts every file), the activity log and the sweep work as before.
alter table task_attachment alter column task_id drop not null;
alter table task_attachment add constraint task_attachment_on_task_or_comment
    check (task_id is not null or comment_id is not null);
