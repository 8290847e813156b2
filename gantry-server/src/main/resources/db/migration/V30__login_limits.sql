-- Login limiting kept in the database, so every server on it counts the same failures and honours
-- the same locks. A failure row lives for one window; a lock ends at locked_until at the latest.
create table login_failure (
    id bigint generated always as identity primary key,
    email text not null,
    address text not null,
    failed_at timestamptz not null default now()
);
create index login_failure_by_email on login_failure (email, failed_at);
create index login_failure_by_address on login_failure (address, failed_at);
create index login_failure_by_time on login_failure (failed_at);

-- kind 'account': subject is the lower-cased e-mail; kind 'address': subject is the client address.
create table login_lock (
    id bigint generated always as identity primary key,
    kind text not null check (kind in ('account', 'address')),
    subject text not null,
    locked_until timestamptz not null,
    reason text not null,
    created_at timestamptz not null default now(),
    unique (kind, subject)
);
