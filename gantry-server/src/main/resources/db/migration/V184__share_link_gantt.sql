-- Share links to a project's Gantt view (issue 15): a third target beside the dashboard and a published status
-- report. Like the dashboard, a Gantt link opens the plan as it is now, so it names no report.
alter table share_link drop constraint share_link_target_check;
alter table share_link add constraint share_link_target_check check (target in ('DASHBOARD', 'REPORT', 'GANTT'));
