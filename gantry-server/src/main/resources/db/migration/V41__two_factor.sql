-- Two-factor sign-in with time-based one-time codes (RFC 6238). The secret is what the person's
-- app holds; enabled_at is null while an enrolment waits for its first code. last_used_step is the
-- 30-second step of the last accepted code, so a code is never accepted twice.
create table two_factor (
    user_id        bigint primary key references app_user (id) on delete cascade,
    secret         text        not null,
    enabled_at     timestamptz,
    last_used_step bigint,
    created_at     timestamptz not null default now()
);

-- One-time recovery codes, SHA-256 hashed (each has 80 random bits); used_at set when spent.
create table recovery_code (
    id        bigint generated always as identity primary key,
    user_id   bigint not null references app_user (id) on delete cascade,
    code_hash text   not null,
    used_at   timestamptz
);
create index recovery_code_by_user on recovery_code (user_id);
