-- A unit's details as of an instant. Details change at once, not effective-dated: a change recorded at T holds from
-- T on. read_model.unit keeps the current details only, so an approval chain asked as of an earlier instant named the
-- cost center's current responsible person, not the one of then (a review found it, 2026-11-29). Each change now
-- keeps the details it replaced: the details in force at an instant are those replaced by the first change after it,
-- or the current ones when none came after it. Changes projected before this version left no row (their answers
-- stay the current details until a rebuild of hierarchy-projection).
create table read_model.unit_details_change (
    unit_id        uuid        not null,
    changed_at     timestamptz not null,
    tenant_id      uuid        not null,
    details_before jsonb       not null,
    -- two changes of one unit recorded in the same microsecond: the first one's "before" is kept
    primary key (unit_id, changed_at)
);

grant select, insert, update, delete on read_model.unit_details_change to ${projector_role};
grant select on read_model.unit_details_change to ${api_role};
alter table read_model.unit_details_change enable row level security;
create policy projector_all on read_model.unit_details_change to ${projector_role} using (true) with check (true);
create policy tenant_isolation on read_model.unit_details_change for select to ${api_role}
    using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
