-- How people sign in, for the whole server: one row. sso_only refuses password sign-in and password
-- token requests to everyone but system admins (the break-glass way in when the provider is down).
create table sign_in_settings (
    id         integer primary key check (id = 1),
    sso_only   boolean     not null default false,
    updated_at timestamptz not null default now(),
    version    integer     not null default 0
);
insert into sign_in_settings (id) values (1);
