-- A tenant's revision: the sequence number of its last event (its aggregate's version), shown in the tenant view and
-- sent back by a client in If-Match, so that its change is refused if the tenant changed since it read it. Tenants
-- projected before this column existed have none (null) until their next event or a rebuild of tenant-projection.
alter table read_model.tenant add column revision bigint;
