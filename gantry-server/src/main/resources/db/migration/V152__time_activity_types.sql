-- Time and money (issue 14): activity types, defined per project (development, testing, meetings...). A
-- time entry may name one; an activity type says whether its hours are billable by default. Deleting a type
-- keeps the entries, without it.
create table time_activity_type (
    id         bigint generated always as identity primary key,
    project_id bigint  not null references project (id) on delete cascade,
    name       text    not null check (length(name) between 1 and 100),
    billable   boolean not null default true,
    version    integer not null default 0,
    unique (project_id, name)
);

alter table time_entry
    add column activity_type_id bigint references time_activity_type (id) on delete set null;
create index time_entry_activity_type on time_entry (activity_type_id);

select live_track('time_activity_type', 'project_id');
