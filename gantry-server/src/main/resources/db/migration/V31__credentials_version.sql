-- Counts password changes and resets. A browser session remembers the count it logged in with and
-- ends when it differs (the session that changed the password takes the new count), so a changed
-- or reset password throws every other session out, on every server, whatever stores the sessions.
alter table app_user add column credentials_version integer not null default 0;
