-- The command side's own lookup table for set-based validation (unique slugs) and cross-aggregate
-- checks (is the tenant active, what does its plan allow). Written by a subscribing event handler in the
-- same transaction as the events it derives from, so it is never behind the event store.
create table event_store.tenant_registry (
    tenant_id     uuid        primary key,
    slug          varchar(63) not null,
    status        varchar(16) not null,
    plan          varchar(64) not null,
    max_units     integer     not null,
    max_positions integer     not null,
    -- slugs are never reused, even after offboarding: rows are never deleted
    constraint tenant_registry_slug unique (slug)
);

grant select, insert, update on event_store.tenant_registry to ${command_role};
