-- Time and money (issue 14): actuals feed the plan. A task's actual work is the hours logged on it that
-- count (approved ones, or all when the project says so, project_time_settings.actuals); its remaining work
-- is its planned work less that, never below zero (Microsoft Project's Work = Actual work + Remaining work).
-- The assignments' actual_work_minutes and remaining_work_minutes (V4) follow the hours of the person the
-- resource stands for.
alter table task
    add column actual_work_minutes    bigint not null default 0 check (actual_work_minutes >= 0),
    add column remaining_work_minutes bigint check (remaining_work_minutes >= 0);
