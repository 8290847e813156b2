-- The security audit log: one row per sign-in, failed sign-in, lockout, token, role, password,
-- account, two-factor and sign-in setting change. Written in the transaction of the change itself,
-- so a change that fails leaves no row. Names and e-mails are copied, so a row keeps saying who it
-- was about after the account changed; ids link to the account while it exists.
create table audit (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz not null default now(),
    kind          text        not null,
    actor_id      bigint      references app_user (id) on delete set null,
    actor_email   text,
    token_id      bigint,
    address       text,
    subject_id    bigint      references app_user (id) on delete set null,
    subject_email text,
    project_key   text,
    detail        text,
    old_value     text,
    new_value     text
);
create index audit_by_time on audit (occurred_at desc, id desc);
create index audit_by_kind on audit (kind, occurred_at desc);
create index audit_by_actor on audit (actor_id, occurred_at desc);
create index audit_by_subject on audit (subject_id, occurred_at desc);
