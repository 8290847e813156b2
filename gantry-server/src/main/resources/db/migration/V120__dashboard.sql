-- The project dashboard (issue 15).
--
-- Health thresholds a project sets (owners and managers): schedule slip in working days, cost performance
-- index, tasks added since the baseline, and open threats at or above a score. A project without a row uses
-- the defaults written here. Live-tracked: a changed threshold changes every viewer's health colours.
create table dashboard_threshold (
    project_id          bigint        not null primary key references project (id) on delete cascade,
    schedule_amber_days integer       not null default 0 check (schedule_amber_days between 0 and 1000),
    schedule_red_days   integer       not null default 5 check (schedule_red_days between 0 and 1000),
    cost_amber_cpi      numeric(6, 4) not null default 0.95 check (cost_amber_cpi between 0 and 10),
    cost_red_cpi        numeric(6, 4) not null default 0.85 check (cost_red_cpi between 0 and 10),
    scope_amber_tasks   integer       not null default 0 check (scope_amber_tasks between 0 and 100000),
    scope_red_tasks     integer       not null default 5 check (scope_red_tasks between 0 and 100000),
    risk_score          integer       not null default 15 check (risk_score between 1 and 25),
    risk_amber_count    integer       not null default 0 check (risk_amber_count between 0 and 1000),
    risk_red_count      integer       not null default 2 check (risk_red_count between 0 and 1000),
    version             integer       not null default 0
);
select live_track('dashboard_threshold', 'project_id');

-- Each person's tiles: their order and which are hidden (tile ids as the API names them). Personal, so not
-- live-tracked.
create table dashboard_preference (
    project_id bigint  not null references project (id) on delete cascade,
    user_id    bigint  not null references app_user (id) on delete cascade,
    tile_order text[]  not null default '{}',
    hidden     text[]  not null default '{}',
    version    integer not null default 0,
    primary key (project_id, user_id)
);

-- A baseline keeps each task's total slack as well (working minutes), so the dashboard can show how much
-- slack the critical and near-critical tasks have lost since. Null for baselines saved before this.
alter table task_baseline add column total_slack_minutes bigint;
