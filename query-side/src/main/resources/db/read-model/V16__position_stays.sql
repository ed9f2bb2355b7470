-- A position can move to another unit, effective-dated (PositionMovedEvent), so the unit it sits in moves from
-- read_model.position (and the copy in position_line, V13) into rows valid in [valid_from, valid_to) (valid_to null =
-- open), from -infinity for the unit it was created in. A unit's manager is the manager position that has sat in it
-- the longest, then the earliest created, then the lowest id: a position created in the unit has sat there since
-- -infinity, so for positions that never moved this is the rule as before. manager and created_at are copies of the
-- position's (they do not change), so that the first manager of a unit is the first row of one partial index.
create table read_model.position_stay (
    position_id uuid        not null,
    valid_from  timestamptz not null,
    valid_to    timestamptz,
    tenant_id   uuid        not null,
    unit_id     uuid        not null,
    manager     boolean     not null,
    created_at  timestamptz not null,
    primary key (position_id, valid_from)
);
create index position_stay_unit on read_model.position_stay (unit_id, valid_from);
create index position_stay_first_manager on read_model.position_stay (unit_id, valid_from, created_at, position_id)
    where manager;

grant select, insert, update, delete on read_model.position_stay to ${projector_role};
grant select on read_model.position_stay to ${api_role};
alter table read_model.position_stay enable row level security;
create policy projector_all on read_model.position_stay to ${projector_role} using (true) with check (true);
create policy tenant_isolation on read_model.position_stay for select to ${api_role}
    using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));

insert into read_model.position_stay (position_id, valid_from, tenant_id, unit_id, manager, created_at)
select position_id, '-infinity', tenant_id, unit_id, manager, created_at from read_model.position;

-- every read takes the unit from position_stay from now on (R__tenant_reads.sql is recreated after this migration);
-- the indexes on position.unit_id go with the column
alter table read_model.position_line drop column unit_id;
alter table read_model.position drop column unit_id;
