-- A position's lines over time: its explicit solid line and its dotted lines can change, effective-dated
-- (PositionReportingLinesChangedEvent), so they move from read_model.position into rows valid in
-- [valid_from, valid_to) (valid_to null = open). The lines a position was created with hold from -infinity, as the
-- position itself is there at every asOf. unit_id is a copy of the position's (a position does not change units), so
-- a step of chain_walk from a position reads one row of one table.
create table read_model.position_line (
    position_id            uuid        not null,
    valid_from             timestamptz not null,
    valid_to               timestamptz,
    tenant_id              uuid        not null,
    unit_id                uuid        not null,
    reports_to_position_id uuid,
    dotted_line_to         uuid[]      not null default '{}',
    primary key (position_id, valid_from)
);
-- direct and indirect reports: who has an explicit line to these positions
create index position_line_reports_to on read_model.position_line (reports_to_position_id)
    where reports_to_position_id is not null;

grant select, insert, update, delete on read_model.position_line to ${projector_role};
grant select on read_model.position_line to ${api_role};
alter table read_model.position_line enable row level security;
create policy projector_all on read_model.position_line to ${projector_role} using (true) with check (true);
create policy tenant_isolation on read_model.position_line for select to ${api_role}
    using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));

insert into read_model.position_line (position_id, valid_from, tenant_id, unit_id, reports_to_position_id,
                                      dotted_line_to)
select position_id, '-infinity', tenant_id, unit_id, reports_to_position_id, dotted_line_to from read_model.position;

-- R__tenant_reads.sql's chain_walk reads the lines from position_line from now on (recreated after this migration)
drop index read_model.position_reports_to;
alter table read_model.position drop column reports_to_position_id, drop column dotted_line_to;
