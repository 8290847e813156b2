-- Risk register (issue 16), second part.
-- Residual rating: probability and impact once the response is in place (both or neither); the residual
-- score is computed when read, like the inherent one. Trigger: the warning sign that the risk is about to
-- happen. Proximity: the date from which it could happen. Cost impact: what it would cost, in the
-- project's currency (an opportunity's saves).
alter table risk
    add column residual_probability smallint check (residual_probability between 1 and 5),
    add column residual_impact      smallint check (residual_impact between 1 and 5),
    add column risk_trigger         text not null default '',
    add column proximity            date,
    add column cost_impact          numeric(14, 2) check (cost_impact >= 0),
    add constraint risk_residual_pair check ((residual_probability is null) = (residual_impact is null));

-- The trend of the project's risk exposure: one row per project and day (in the project's time zone) with
-- the figures as they stood at the end of that day. Kept by a trigger on risk, so every change (the API,
-- the pages, a risk turned into an issue, a cascade) records it in its own transaction. Exposure is the sum
-- of the scores of the open risks (OPEN and MONITORING), as the heat map counts it; the residual exposure
-- uses a risk's residual score where it has one and its inherent score otherwise.
create table risk_exposure_day (
    project_id           bigint  not null references project (id) on delete cascade,
    day                  date    not null,
    open_risks           integer not null,
    open_threats         integer not null,
    exposure             integer not null,
    threat_exposure      integer not null,
    residual_exposure    integer not null,
    opportunity_exposure integer not null,
    primary key (project_id, day)
);

create function risk_exposure_record(for_project bigint) returns void language plpgsql as $$
declare
    zone text;
    today date;
begin
    select p.time_zone into zone from project p where p.id = for_project;
    if not found then
        return; -- the project itself is being deleted (its risks go with it)
    end if;
    begin
        today := (now() at time zone zone)::date;
    exception when others then
        today := (now() at time zone 'UTC')::date; -- a zone name PostgreSQL does not know
    end;
    insert into risk_exposure_day (project_id, day, open_risks, open_threats, exposure, threat_exposure,
                                   residual_exposure, opportunity_exposure)
    select for_project, today,
           count(*) filter (where r.status in ('OPEN', 'MONITORING')),
           count(*) filter (where r.status in ('OPEN', 'MONITORING') and r.kind = 'THREAT'),
           coalesce(sum(r.probability * r.impact) filter (where r.status in ('OPEN', 'MONITORING')), 0),
           coalesce(sum(r.probability * r.impact)
                    filter (where r.status in ('OPEN', 'MONITORING') and r.kind = 'THREAT'), 0),
           coalesce(sum(coalesce(r.residual_probability * r.residual_impact, r.probability * r.impact))
                    filter (where r.status in ('OPEN', 'MONITORING')), 0),
           coalesce(sum(r.probability * r.impact)
                    filter (where r.status in ('OPEN', 'MONITORING') and r.kind = 'OPPORTUNITY'), 0)
    from risk r
    where r.project_id = for_project
    on conflict (project_id, day) do update set
        open_risks = excluded.open_risks,
        open_threats = excluded.open_threats,
        exposure = excluded.exposure,
        threat_exposure = excluded.threat_exposure,
        residual_exposure = excluded.residual_exposure,
        opportunity_exposure = excluded.opportunity_exposure;
end $$;

create function risk_exposure_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform risk_exposure_record(old.project_id);
    else
        perform risk_exposure_record(new.project_id);
    end if;
    return null;
end $$;

create trigger risk_exposure after insert or update or delete on risk
    for each row execute function risk_exposure_changed();

-- Where the trend starts for the registers kept so far: today's figures.
select risk_exposure_record(p.id) from project p where exists (select 1 from risk r where r.project_id = p.id);

