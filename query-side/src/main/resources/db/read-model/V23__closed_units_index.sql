-- The rows of the units' status timelines that close them, by tenant: a search for the closed units (and the count of
-- the active ones, the units less the closed) reads these rows instead of every unit of the tenant (HierarchyQueries).
create index unit_status_closed on read_model.unit_status (tenant_id, valid_from) include (unit_id, valid_to)
    where status = 'CLOSED';
