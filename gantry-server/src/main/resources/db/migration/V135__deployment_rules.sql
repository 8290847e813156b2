-- More of a project's signal rules, beside the pull request ones (V131):
-- deployed_to_production: the status a task takes when a deployment carrying its commits (or its pull
--   request's head or merge commit) first succeeds in the production environment (null: none);
-- production_environment: which environment is production, for that rule and as the delivery measures'
--   default environment;
-- hotfix_within_hours: a successful deployment followed within this many hours by a hotfix deployment (its
--   ref or one of its commits says "hotfix") counts as a change failure (null: the rule is off).
alter table dev_status_rule add column deployed_to_production text;
alter table dev_status_rule add column production_environment text not null default 'production';
alter table dev_status_rule add column hotfix_within_hours integer
    check (hotfix_within_hours between 1 and 720);
