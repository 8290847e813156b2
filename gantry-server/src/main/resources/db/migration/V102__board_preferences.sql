-- What each person chose to see on a project's board (issue 13): quick filters and swimlanes, saved on the
-- server so the board opens the same way on any browser. Personal, so not live-tracked: saving them
-- changes nothing anyone else sees.
--   mine                only cards assigned to the person;
--   assignee_id         only cards assigned to this member (a removed user clears it);
--   tag, search_text    only cards with this tag / whose WBS or name contains the text (case-insensitive);
--   active_sprint_only  only cards in the project's active sprint (none when no sprint is active);
--   swimlanes           NONE, ASSIGNEE, PRIORITY, EPIC (the parent summary task) or TAG.
create table board_preference (
    project_id         bigint  not null references project (id) on delete cascade,
    user_id            bigint  not null references app_user (id) on delete cascade,
    mine               boolean not null default false,
    assignee_id        bigint  references app_user (id) on delete set null,
    tag                text    check (length(tag) between 1 and 100),
    search_text        text    check (length(search_text) between 1 and 200),
    active_sprint_only boolean not null default false,
    swimlanes          text    not null default 'NONE'
        check (swimlanes in ('NONE', 'ASSIGNEE', 'PRIORITY', 'EPIC', 'TAG')),
    version            integer not null default 0,
    primary key (project_id, user_id)
);
