-- GET /tenants/{t}/positions lists a tenant's positions by creation, a page at a time: without this index each
-- page would sort all of the tenant's positions (200,000 in the benchmark's tenant).
create index position_by_creation on read_model.position (tenant_id, created_at, position_id);
