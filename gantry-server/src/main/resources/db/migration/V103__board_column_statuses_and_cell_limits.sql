-- Board columns that hold several statuses, and WIP limits per swimlane cell (issue 13).
--
-- shown_in: the status whose column shows this status's cards (null: its own column). A column is named
-- after its own status, which is also its default: a card dropped into it from another column takes that
-- status. A status that holds others is never held itself (checked by the board under the project's lock),
-- and when the holding status is deleted the held ones get their own columns back.
--
-- cell_wip_limit: the most cards each swimlane cell of the column may hold (the lanes being whatever
-- swimlanes the person looking chose); wip_blocking refuses a move over it as it does for the column's
-- own limit.
alter table board_column
    add column shown_in       text check (shown_in <> status_key),
    add column cell_wip_limit integer check (cell_wip_limit between 1 and 100000),
    add foreign key (project_id, shown_in) references task_status (project_id, status_key)
        on delete set null (shown_in);
