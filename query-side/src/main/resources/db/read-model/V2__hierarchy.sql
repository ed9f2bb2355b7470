-- The hierarchy read model: an adjacency list with validity ranges. A unit's parent and status are
-- timelines ([valid_from, valid_to), valid_to null = open), so asOf queries see future-dated changes from
-- their date on without any event marking that moment. A move is one row, whatever the subtree's size.
create table read_model.unit (
    unit_id      uuid         primary key,
    tenant_id    uuid         not null,
    type         varchar(16)  not null,
    code         varchar(64)  not null,
    name         varchar(200) not null,
    details      jsonb        not null default '{}',
    created_from timestamptz  not null,
    updated_at   timestamptz  not null,
    constraint unit_code_per_tenant unique (tenant_id, code)
);
create index unit_tenant_type on read_model.unit (tenant_id, type);
create index unit_code_prefix on read_model.unit (tenant_id, lower(code) text_pattern_ops);

create table read_model.unit_parent (
    unit_id    uuid        not null,
    valid_from timestamptz not null,
    valid_to   timestamptz,
    tenant_id  uuid        not null,
    parent_id  uuid,
    primary key (unit_id, valid_from)
);
create index unit_parent_children on read_model.unit_parent (parent_id, valid_from) include (unit_id, valid_to);

create table read_model.unit_status (
    unit_id    uuid        not null,
    valid_from timestamptz not null,
    valid_to   timestamptz,
    tenant_id  uuid        not null,
    status     varchar(16) not null,
    primary key (unit_id, valid_from)
);

grant select, insert, update, delete on read_model.unit, read_model.unit_parent, read_model.unit_status
    to ${projector_role};
grant select on read_model.unit, read_model.unit_parent, read_model.unit_status to ${api_role};

alter table read_model.unit enable row level security;
alter table read_model.unit_parent enable row level security;
alter table read_model.unit_status enable row level security;

create policy projector_all on read_model.unit to ${projector_role} using (true) with check (true);
create policy projector_all on read_model.unit_parent to ${projector_role} using (true) with check (true);
create policy projector_all on read_model.unit_status to ${projector_role} using (true) with check (true);

create policy tenant_isolation on read_model.unit for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_isolation on read_model.unit_parent for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_isolation on read_model.unit_status for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
