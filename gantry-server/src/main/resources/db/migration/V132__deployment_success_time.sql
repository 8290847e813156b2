-- When a deployment first succeeded. dev_deployment keeps only the latest status, and GitHub marks a live
-- deployment "inactive" once a newer one succeeds: the delivery measures (deployment frequency, lead time)
-- need the moment it went live, which a later status must not move or erase.
alter table dev_deployment add column succeeded_at timestamptz;

update dev_deployment set succeeded_at = deployed_at
 where lower(status) in ('success', 'succeeded', 'successful', 'deployed');

create index dev_deployment_environment on dev_deployment (project_id, lower(environment));
