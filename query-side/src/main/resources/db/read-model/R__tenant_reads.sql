-- The hot hierarchy reads (a unit's ancestors, children and subtree; a person's management chain) as functions
-- that set the caller's tenant for their own statement, so that the service answers each in one round trip, in
-- autocommit: a read through TenantScopedReads.forTenant takes three (BEGIN with set_config, the query, COMMIT),
-- and on two cores under load those round trips cost more than the query itself
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

-- A unit's status at p_as_of, given whether it ever changed (unit_parent.status_changed, V8): ACTIVE unless the unit
-- was ever closed or reopened, and only then looked up in its timeline. Called laterally on a parent row's columns,
-- so that PostgreSQL inlines it (no sub-select in its arguments).
create or replace function read_model.status_at(p_unit uuid, p_changed boolean, p_as_of timestamptz)
    returns table (status varchar)
    language sql stable rows 1 as $$
    select case when p_changed then (select st.status from read_model.unit_status st
        where st.unit_id = p_unit and st.valid_from <= p_as_of and (st.valid_to is null or st.valid_to > p_as_of))
        else 'ACTIVE' end
$$;

create or replace function read_model.ancestors_of(p_tenant uuid, p_unit uuid, p_as_of timestamptz)
    returns table (unit_id uuid, type varchar, code varchar, name varchar, parent_id uuid, status varchar, depth int)
    language plpgsql as $$
#variable_conflict use_column
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    -- walks up the parent rows, which carry each ancestor's summary (V8): one index probe per ancestor
    return query
    with recursive up(unit_id, type, code, name, parent_id, status_changed, depth) as (
        select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, 0
        from read_model.unit_parent pa
        where pa.unit_id = p_unit and pa.valid_from <= p_as_of and (pa.valid_to is null or pa.valid_to > p_as_of)
      union all
        select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, up.depth + 1
        from up join read_model.unit_parent pa on pa.unit_id = up.parent_id
            and pa.valid_from <= p_as_of and (pa.valid_to is null or pa.valid_to > p_as_of)
        where up.depth < 64) -- HierarchyQueries.MAX_DEPTH
    select up.unit_id, up.type, up.code, up.name, up.parent_id, s.status, up.depth
    from up cross join lateral read_model.status_at(up.unit_id, up.status_changed, p_as_of) s
    where up.depth > 0 order by up.depth;
end
$$;

-- A page of a unit's direct children at p_as_of, by code (then id, so that pages never overlap), each row with the
-- number of all children: their statuses are looked up for the page alone. A legal entity may have many thousand.
drop function if exists read_model.children_of(uuid, uuid, timestamptz);
create or replace function read_model.children_of(p_tenant uuid, p_unit uuid, p_as_of timestamptz, p_limit int,
                                                  p_offset bigint)
    returns table (unit_id uuid, type varchar, code varchar, name varchar, parent_id uuid, status varchar, depth int,
                   total bigint)
    language plpgsql as $$
#variable_conflict use_column
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    return query
    select c.unit_id, c.type, c.code, c.name, c.parent_id, s.status, 1, c.total
    from (select c.unit_id, c.type, c.code, c.name, c.parent_id, c.status_changed, count(*) over () as total
          from read_model.unit_parent c
          where c.parent_id = p_unit and c.valid_from <= p_as_of and (c.valid_to is null or c.valid_to > p_as_of)
          order by c.code, c.unit_id limit p_limit offset p_offset) c
    cross join lateral read_model.status_at(c.unit_id, c.status_changed, p_as_of) s
    order by c.code, c.unit_id;
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
    select down.unit_id, down.type, down.code, down.name, down.parent_id, s.status, down.depth, count(*) over ()
    from down cross join lateral read_model.status_at(down.unit_id, down.status_changed, p_as_of) s
    order by down.depth, down.code limit p_limit offset p_offset;
end
$$;

-- The management chain as one recursive walk from the position p_start, as of p_as_of. The walk stands either on a
-- position or on a unit. From a position it follows its explicit line as of p_as_of, else it goes to its unit as of
-- p_as_of (remembering where it came from); both are in the position's row of position_line at p_as_of. On a unit it
-- takes the unit's manager at p_as_of: the open manager position that has been one there the longest (V17), then the
-- earliest created (unless that is where it came from), else it climbs to the parent as of p_as_of. Each manager reached is a
-- link; a position
-- seen before ends the walk. So a chain costs one index lookup per link and per unit climbed. The rows with
-- step > 0 and a position_id are the chain, nearest manager first; vacant managers are links too (holders are
-- joined by the caller). A plain SQL function, so PostgreSQL inlines it into the statements that call it (the
-- management chain below, the approval chain in ApprovalChainQueries), but only when its arguments hold no
-- sub-select: call it laterally on a column (`left join lateral read_model.chain_walk(start.position_id, ...)`);
-- with a sub-select as argument it runs as a function of its own, planned on every call (measured: the chain's SQL
-- 0.26 -> 0.62 ms). It sets no tenant: its caller's applies.
create or replace function read_model.chain_walk(p_start uuid, p_as_of timestamptz)
    returns table (step int, position_id uuid, unit_id uuid, came_from uuid)
    language sql stable rows 32 as $$
    with recursive walk(step, position_id, unit_id, came_from, seen) as (
        select 0, p_start, null::uuid, null::uuid, array[p_start] where p_start is not null
      union all
        select w.step + 1, next.position_id, next.unit_id, next.came_from,
               case when next.position_id is null then w.seen else w.seen || next.position_id end
        from walk w
        cross join lateral (
            select l.reports_to_position_id as position_id,
                   case when l.reports_to_position_id is null then l.unit_id end as unit_id,
                   l.position_id as came_from
            from read_model.position_line l where l.position_id = w.position_id
                and l.valid_from <= p_as_of and (l.valid_to is null or l.valid_to > p_as_of)
          union all
            select case when m.position_id is distinct from w.came_from then m.position_id end,
                   case when m.position_id is null or m.position_id = w.came_from then pa.parent_id end,
                   null::uuid
            from (select w.unit_id as unit_id) here
            left join lateral (select m.position_id from read_model.position_line m
                               where m.unit_id = here.unit_id and m.manager
                                 and m.valid_from <= p_as_of and (m.valid_to is null or m.valid_to > p_as_of)
                                 and (m.closed_from is null or m.closed_from > p_as_of)
                               order by m.role_since, m.created_at, m.position_id limit 1) m on true
            left join read_model.unit_parent pa on pa.unit_id = here.unit_id
                and pa.valid_from <= p_as_of and (pa.valid_to is null or pa.valid_to > p_as_of)
            where here.unit_id is not null
        ) next
        where (next.position_id is not null or next.unit_id is not null)
          and (next.position_id is null or next.position_id <> all(w.seen))
          -- at most 256 positions after the start (seen holds them), however many units the walk climbs between
          -- them; the steps bound only a walk that would never end (a unit climbs at most 64 levels per link)
          and cardinality(w.seen) <= 256 and w.step < 256 * 66)
    select walk.step, walk.position_id, walk.unit_id, walk.came_from from walk
$$;

-- The position a person acts from at p_as_of: p_position when given (someone with several positions), else the one
-- they have held the longest; between positions taken on the same day (one import gives both the same creation
-- time too), the earliest created, then the lowest id. Both chains start here (the management chain below, the
-- approval chain in ApprovalChainQueries), so they agree on it. A plain SQL function called with plain arguments,
-- so PostgreSQL inlines it as it does chain_walk; it sets no tenant: its caller's applies.
create or replace function read_model.acting_position(p_person varchar, p_position uuid, p_as_of timestamptz)
    returns table (position_id uuid, unit_id uuid)
    language sql stable rows 1 as $$
    select h.position_id, l.unit_id from read_model.position_holder h
    join read_model.position_line l on l.position_id = h.position_id
        and l.valid_from <= p_as_of and (l.valid_to is null or l.valid_to > p_as_of)
    where h.person_id = p_person and h.valid_from <= p_as_of and (h.valid_to is null or h.valid_to > p_as_of)
      and (p_position is null or h.position_id = p_position)
    order by h.valid_from, l.created_at, h.position_id limit 1
$$;

-- A person's management chain: their position (p_position when given, a person with several positions, else the
-- one they have held the longest at p_as_of), then every manager above it with the holder at p_as_of, nearest
-- first. Always one row at least; has_position false: the person holds no position; a row without position_id: a
-- person who reports to nobody.
-- dropped first: its first column changed (found_positions bigint until 2026-11-26), which create or replace refuses
drop function if exists read_model.management_chain_of(uuid, varchar, uuid, timestamptz);
create or replace function read_model.management_chain_of(p_tenant uuid, p_person varchar, p_position uuid,
                                                          p_as_of timestamptz)
    returns table (has_position boolean, position_id uuid, unit_id uuid, title varchar, person_id varchar)
    language plpgsql as $$
#variable_conflict use_column
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    return query
    with start as (select s.position_id from read_model.acting_position(p_person, p_position, p_as_of) s)
    select start.position_id is not null, p.position_id, l.unit_id, p.title, h.person_id
    from (select 1) one
    left join start on true
    left join lateral read_model.chain_walk(start.position_id, p_as_of) w on w.step > 0 and w.position_id is not null
    left join read_model.position p on p.position_id = w.position_id
    left join read_model.position_line l on l.position_id = p.position_id
        and l.valid_from <= p_as_of and (l.valid_to is null or l.valid_to > p_as_of)
    left join lateral (select ph.person_id from read_model.position_holder ph
        where ph.position_id = p.position_id and ph.valid_from <= p_as_of
          and (ph.valid_to is null or ph.valid_to > p_as_of)) h on true
    order by w.step;
end
$$;

-- The first event-store position of the tenant's events that a projection could not store and holds back
-- (V18, dev.orgservice.query.parking), or null: a read that asks for a position at or past it cannot be answered
-- as consistent (ReadYourWrites).
create or replace function read_model.parked_from(p_tenant uuid)
    returns bigint
    language plpgsql as $$
begin
    perform set_config('app.tenant_id', p_tenant::text, true);
    return (select min(first_position) from read_model.parked_tenant where tenant_id = p_tenant);
end
$$;

revoke execute on function read_model.status_at(uuid, boolean, timestamptz),
    read_model.ancestors_of(uuid, uuid, timestamptz),
    read_model.children_of(uuid, uuid, timestamptz, int, bigint),
    read_model.subtree_of(uuid, uuid, timestamptz, int, int, bigint),
    read_model.chain_walk(uuid, timestamptz),
    read_model.acting_position(varchar, uuid, timestamptz),
    read_model.management_chain_of(uuid, varchar, uuid, timestamptz),
    read_model.parked_from(uuid) from public;
grant execute on function read_model.status_at(uuid, boolean, timestamptz),
    read_model.ancestors_of(uuid, uuid, timestamptz),
    read_model.children_of(uuid, uuid, timestamptz, int, bigint),
    read_model.subtree_of(uuid, uuid, timestamptz, int, int, bigint),
    read_model.chain_walk(uuid, timestamptz),
    read_model.acting_position(varchar, uuid, timestamptz),
    read_model.management_chain_of(uuid, varchar, uuid, timestamptz),
    read_model.parked_from(uuid) to ${api_role};
