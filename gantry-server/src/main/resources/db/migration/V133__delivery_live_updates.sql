-- The Delivery page updates live: a deployment or a labelled issue delivered by a webhook bumps the
-- project's change number like any other change of its data (V70), so open pages refetch their figures.
select live_track('dev_deployment', 'project_id');
select live_track('dev_issue', 'project_id');
