-- Calendars per person (issue 12): time off on top of the project's calendar. A person enters their own
-- (user_id: it holds in every project they work in); owners and managers enter it for a resource of their
-- project (resource_id, e.g. a rig's maintenance). weekdays limits an entry to some ISO days of the week
-- ('5' = Fridays), which is how a part-time week is written: off every Friday from first_day to last_day.
-- The scheduler turns each resource's entries into holidays of a calendar based on the resource's own
-- (or the project's), so tasks of that resource move around them. An entry spans at most two years.
create table time_off (
    id          bigint generated always as identity primary key,
    user_id     bigint      references app_user (id) on delete cascade,
    resource_id bigint      references resource (id) on delete cascade,
    project_id  bigint      references project (id) on delete cascade,
    first_day   date        not null,
    last_day    date        not null,
    weekdays    text,
    kind        text        not null default 'VACATION'
        check (kind in ('VACATION', 'HOLIDAY', 'PART_TIME', 'SICK', 'OTHER')),
    note        text        not null default '',
    created_at  timestamptz not null default now(),
    version     integer     not null default 0,
    check ((user_id is null) <> (resource_id is null)),
    check ((resource_id is null) = (project_id is null)),
    check (last_day >= first_day and last_day - first_day <= 731),
    check (weekdays is null or weekdays ~ '^[1-7](,[1-7])*$')
);
create index time_off_user on time_off (user_id, first_day);
create index time_off_resource on time_off (resource_id, first_day);
select live_track('time_off', 'project_id');
