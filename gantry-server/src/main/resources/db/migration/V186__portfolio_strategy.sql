-- The portfolio's strategy (issue 15). A portfolio manager is a system role beside the admin: they see every
-- project in the portfolio and keep its programmes, goals and scores, without becoming a member of a project.
alter table app_user add column portfolio_manager boolean not null default false;

-- Programmes group projects; a project belongs to at most one.
create table programme (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 200),
    description text        not null default '' check (length(description) <= 2000),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create unique index programme_name_key on programme (lower(name));

-- Strategic goals with a weight (1-100); a project's alignment is its scores weighted by these.
create table strategic_goal (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(name) between 1 and 200),
    description text        not null default '' check (length(description) <= 2000),
    weight      integer     not null check (weight between 1 and 100),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0
);
create unique index strategic_goal_name_key on strategic_goal (lower(name));

-- A project's place in the portfolio: its programme, whether it is only proposed (not yet approved: the
-- what-if ranking is about these) and the cost estimated for it, in the project's currency. A project
-- without a row is in no programme, not proposed and has no estimate (version 0 as read).
create table project_portfolio (
    project_id     bigint      primary key references project (id) on delete cascade,
    programme_id   bigint      references programme (id) on delete set null,
    proposed       boolean     not null default false,
    estimated_cost numeric(19, 2) check (estimated_cost >= 0),
    updated_at     timestamptz not null default now(),
    version        integer     not null default 0
);
create index project_portfolio_programme on project_portfolio (programme_id);

-- How much a project contributes to a goal, 0 (nothing) to 5 (essential); no row counts as 0.
create table project_goal_score (
    project_id bigint      not null references project (id) on delete cascade,
    goal_id    bigint      not null references strategic_goal (id) on delete cascade,
    score      integer     not null check (score between 0 and 5),
    updated_at timestamptz not null default now(),
    version    integer     not null default 0,
    primary key (project_id, goal_id)
);
create index project_goal_score_goal on project_goal_score (goal_id);
