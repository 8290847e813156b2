-- The Integrations page updates live: its webhooks, their delivery counts, the status rules and the outgoing
-- webhooks' delivery logs bump the project's change number like any other change of its data (V70).
select live_track('webhook', 'project_id');
select live_track('webhook_delivery', 'project_id');
select live_track('dev_status_rule', 'project_id');
select live_track('outgoing_webhook', 'project_id');

-- Outgoing deliveries: queued by the change's own transaction (which already bumps the number) and then
-- updated by the sender twice per attempt, once to claim it and once with the outcome. Only the outcome (the
-- claim released) and a redelivery (back to PENDING) are news for a page: one bump per attempt, not two.
create function live_touch_outgoing_delivery() returns trigger language plpgsql as $$
begin
    if current_setting('gantry.live', true) = 'off' then
        return null;
    end if;
    perform live_note_projects(array[new.project_id]);
    return null;
end
$$;

create trigger outgoing_delivery_live_outcome after update on outgoing_delivery
    for each row
    when ((old.claimed_until is not null and new.claimed_until is null) or old.state is distinct from new.state)
    execute function live_touch_outgoing_delivery();
