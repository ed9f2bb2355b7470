-- Events a projection could not store, parked per tenant so that the other tenants' reads go on
-- (dev.orgservice.query.parking, docs/operations.md#a-projection-that-cannot-store-an-event).
--
-- parked_tenant: a tenant whose events a processor holds back, from first_position (the first event it could not
-- store) on. While the row exists, every later event of that tenant for that processor is parked behind it, so that
-- the tenant's events are applied in order once the cause is fixed.
-- parked_event: each held-back event by its global position; error is the failure of the event that parked the
-- tenant (null for the events parked behind it).
create table read_model.parked_tenant (
    processor_name varchar(255) not null,
    tenant_id      uuid         not null,
    first_position bigint       not null,
    parked_at      timestamptz  not null default now(),
    primary key (processor_name, tenant_id)
);

create table read_model.parked_event (
    processor_name   varchar(255) not null,
    global_index     bigint       not null,
    tenant_id        uuid         not null,
    event_identifier varchar(255) not null,
    payload_type     varchar(255) not null,
    error            text,
    parked_at        timestamptz  not null default now(),
    primary key (processor_name, global_index)
);

create index parked_event_of_tenant on read_model.parked_event (processor_name, tenant_id, global_index);

grant select, insert, update, delete on read_model.parked_tenant, read_model.parked_event to ${projector_role};
grant select on read_model.parked_tenant to ${api_role};

alter table read_model.parked_tenant enable row level security;
alter table read_model.parked_event enable row level security;

create policy projector_all on read_model.parked_tenant to ${projector_role} using (true) with check (true);
create policy projector_all on read_model.parked_event to ${projector_role} using (true) with check (true);

-- the api role learns only whether its own tenant's reads are held back (ReadYourWrites)
create policy tenant_isolation on read_model.parked_tenant for select to ${api_role}
    using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));
