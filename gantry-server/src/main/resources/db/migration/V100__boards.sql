-- Boards (kanban): a task's story points, its place in its board column, and each column's WIP limit.
--
-- story_points is any non-negative number (Fibonacci values are only suggested). board_rank orders the
-- cards of one column (one status): smaller first; a task never dragged has none and follows the ranked
-- cards in outline order. Ranks are spaced (1024 apart) so a drop between two cards usually writes one row;
-- when there is no room the column is renumbered. A rank is layout, not a change anyone needs to read in
-- the activity log, so the log leaves it out like position and outline_path.
alter table task
    add column story_points numeric(9, 2) check (story_points >= 0 and story_points <= 1000000),
    add column board_rank   bigint;
create index task_board_rank on task (project_id, status, board_rank);

-- A column of the board is a status of the project; this holds what the board adds to it. No row: no
-- limit. wip_blocking refuses a move that would put the column over its limit instead of only showing it.
create table board_column (
    project_id   bigint  not null,
    status_key   text    not null,
    wip_limit    integer check (wip_limit between 1 and 100000),
    wip_blocking boolean not null default false,
    version      integer not null default 0,
    primary key (project_id, status_key),
    foreign key (project_id, status_key) references task_status (project_id, status_key) on delete cascade
);
select live_track('board_column', 'project_id');

create or replace function activity_ignored(field text) returns boolean language sql immutable as $$
    select field in ('id', 'project_id', 'created_at', 'updated_at', 'version', 'position', 'outline_path',
                     'early_start', 'early_finish', 'late_start', 'late_finish', 'total_slack_minutes',
                     'free_slack_minutes', 'critical', 'body_html', 'password_hash', 'storage_key', 'board_rank')
        or field like 'source\_%'
$$;
