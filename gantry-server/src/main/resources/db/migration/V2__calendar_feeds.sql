-- Secret iCal feed URLs: one per project (the whole plan) and one per person (their assignments across
-- the projects they can see). Calendar apps cannot log in, so the URL itself is the credential: a
-- random 256-bit token, kept in clear so the calendar page can show the URL again (it grants read
-- access to that feed and nothing else). Regenerating replaces the row's secret, so the old URL stops
-- answering. Exactly one of project_id and user_id is set.
create table calendar_feed (
    id          bigint generated always as identity primary key,
    project_id  bigint references project (id) on delete cascade,
    user_id     bigint references app_user (id) on delete cascade,
    secret      text        not null,
    created_by  bigint references app_user (id) on delete set null,
    created_at  timestamptz not null default now(),
    check ((project_id is null) <> (user_id is null))
);
create unique index calendar_feed_secret_key on calendar_feed (secret);
create unique index calendar_feed_project_key on calendar_feed (project_id) where project_id is not null;
create unique index calendar_feed_user_key on calendar_feed (user_id) where user_id is not null;
