-- The hot hierarchy reads as functions that set the caller's tenant for their own statement, so that the service
-- answers each in one round trip, in autocommit: a read through TenantScopedReads.forTenant takes three (BEGIN with
-- set_config, the query, COMMIT), and on two cores under load those round trips cost more than the query itself
-- (docs/benchmarks.md, tenth run: the REST ancestors at 4 clients 1.13 -> 0.83 ms p50).
--
-- Row-level security applies exactly as before: the functions are SECURITY INVOKER, so they read as the api role
-- and its tenant_isolation policies filter every row on the tenant set here. They do not widen anything: the api
-- role can set any tenant itself; which tenant a request reads is decided by the service from the caller's token
-- (TenantAccessInterceptor). set_config(..., true) is local to the statement's own transaction, so nothing is left
-- on the pooled connection afterwards (RowLevelSecurityTest).
--
-- Repeatable (Flyway re-applies it when it changes): edit the statements here. A change of a function's parameters
-- or columns needs a `drop function` first.

create or replace function read_model.ancestors_of(p_tenant uuid, p_unit uuid, p_as_of timestamptz)
    returns table (unit_id uuid, type varchar, code varchar, name varchar, parent_id uuid, status varchar, depth int)
    language plpgsql as $$
#variable_conflict use_column
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    -- walks up the parent rows, which carry each ancestor's summary (V8): one index probe per ancestor; a unit's
    -- status is ACTIVE unless it was ever closed or reopened, and only then looked up in its timeline
    return query
    with recursive up(unit_id, type, code, name, parent_id, status_changed, depth) as (
        select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, 0
        from read_model.unit_parent pa
        where pa.unit_id = p_unit and pa.valid_from <= p_as_of and (pa.valid_to is null or pa.valid_to > p_as_of)
      union all
        select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, up.depth + 1
        from up join read_model.unit_parent pa on pa.unit_id = up.parent_id
            and pa.valid_from <= p_as_of and (pa.valid_to is null or pa.valid_to > p_as_of)
        where up.depth < 64)
    select up.unit_id, up.type, up.code, up.name, up.parent_id,
           case when up.status_changed then (select st.status from read_model.unit_status st
               where st.unit_id = up.unit_id and st.valid_from <= p_as_of
                 and (st.valid_to is null or st.valid_to > p_as_of)) else 'ACTIVE' end,
           up.depth
    from up where up.depth > 0 order by up.depth;
end
$$;

create or replace function read_model.children_of(p_tenant uuid, p_unit uuid, p_as_of timestamptz)
    returns table (unit_id uuid, type varchar, code varchar, name varchar, parent_id uuid, status varchar, depth int)
    language plpgsql as $$
#variable_conflict use_column
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    return query
    select c.unit_id, c.type, c.code, c.name, c.parent_id,
           case when c.status_changed then (select st.status from read_model.unit_status st
               where st.unit_id = c.unit_id and st.valid_from <= p_as_of
                 and (st.valid_to is null or st.valid_to > p_as_of)) else 'ACTIVE' end,
           1
    from read_model.unit_parent c
    where c.parent_id = p_unit and c.valid_from <= p_as_of and (c.valid_to is null or c.valid_to > p_as_of)
    order by c.code;
end
$$;

-- The unit (depth 0) and its descendants down to p_max_depth, breadth first by code, one page, each row with the
-- total: one index probe per unit, on the index that holds the summary (V8, V9).
create or replace function read_model.subtree_of(p_tenant uuid, p_unit uuid, p_as_of timestamptz, p_max_depth int,
                                                 p_limit int, p_offset bigint)
    returns table (unit_id uuid, type varchar, code varchar, name varchar, parent_id uuid, status varchar, depth int,
                   total bigint)
    language plpgsql as $$
#variable_conflict use_column
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    return query
    with recursive down(unit_id, type, code, name, parent_id, status_changed, depth) as (
        select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, 0
        from read_model.unit_parent pa
        where pa.unit_id = p_unit and pa.valid_from <= p_as_of and (pa.valid_to is null or pa.valid_to > p_as_of)
      union all
        select c.unit_id, c.type, c.code, c.name, c.parent_id, c.status_changed, down.depth + 1
        from down join read_model.unit_parent c on c.parent_id = down.unit_id
            and c.valid_from <= p_as_of and (c.valid_to is null or c.valid_to > p_as_of)
        where down.depth < p_max_depth)
    select down.unit_id, down.type, down.code, down.name, down.parent_id,
           case when down.status_changed then (select st.status from read_model.unit_status st
               where st.unit_id = down.unit_id and st.valid_from <= p_as_of
                 and (st.valid_to is null or st.valid_to > p_as_of)) else 'ACTIVE' end,
           down.depth, count(*) over ()
    from down order by down.depth, down.code limit p_limit offset p_offset;
end
$$;

revoke execute on function read_model.ancestors_of(uuid, uuid, timestamptz),
    read_model.children_of(uuid, uuid, timestamptz),
    read_model.subtree_of(uuid, uuid, timestamptz, int, int, bigint) from public;
grant execute on function read_model.ancestors_of(uuid, uuid, timestamptz),
    read_model.children_of(uuid, uuid, timestamptz),
    read_model.subtree_of(uuid, uuid, timestamptz, int, int, bigint) to ${api_role};
