-- A release can be linked to a milestone task: the milestone's Gantt marker then lists the deployments of the
-- release (its commit or its tag, per environment). version makes the link an ordinary versioned edit (409 when
-- stale); linking bumps the project's change number, so an open Gantt shows it live.
alter table dev_release add column milestone_task_id bigint references task (id) on delete set null;
alter table dev_release add column version integer not null default 0;
create index dev_release_milestone on dev_release (milestone_task_id) where milestone_task_id is not null;
select live_track('dev_release', 'project_id');
