-- Positions and who holds them over time ([valid_from, valid_to), valid_to null = open).
create table read_model.position (
    position_id            uuid         primary key,
    tenant_id              uuid         not null,
    unit_id                uuid         not null,
    title                  varchar(200) not null,
    manager                boolean      not null,
    reports_to_position_id uuid,
    dotted_line_to         uuid[]       not null default '{}',
    created_at             timestamptz  not null
);
create index position_unit on read_model.position (unit_id, manager);
create index position_reports_to on read_model.position (reports_to_position_id);

create table read_model.position_holder (
    position_id uuid         not null,
    valid_from  timestamptz  not null,
    valid_to    timestamptz,
    tenant_id   uuid         not null,
    person_id   varchar(64)  not null,
    primary key (position_id, valid_from)
);
create index position_holder_person on read_model.position_holder (tenant_id, person_id, valid_from);

grant select, insert, update, delete on read_model.position, read_model.position_holder to ${projector_role};
grant select on read_model.position, read_model.position_holder to ${api_role};

alter table read_model.position enable row level security;
alter table read_model.position_holder enable row level security;
create policy projector_all on read_model.position to ${projector_role} using (true) with check (true);
create policy projector_all on read_model.position_holder to ${projector_role} using (true) with check (true);
create policy tenant_isolation on read_model.position for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_isolation on read_model.position_holder for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
