-- Who a position reports to as of an instant, in one place and one round trip: its explicit line if it has
-- one, else the first manager position of its unit (unless it is that manager), else the first manager of
-- the nearest ancestor unit that has one. Vacant managers count (the chain shows them as vacant).
-- SECURITY INVOKER (the default): row-level security applies to every lookup inside.
create function read_model.manager_above(p_position uuid, p_as_of timestamptz) returns uuid
    language plpgsql stable as
$$
declare
    current_unit uuid;
    explicit_line uuid;
    first_manager uuid;
    steps integer := 0;
begin
    select unit_id, reports_to_position_id into current_unit, explicit_line
    from read_model.position where position_id = p_position;
    if explicit_line is not null or current_unit is null then
        return explicit_line;
    end if;
    while current_unit is not null and steps < 64 loop
        select position_id into first_manager from read_model.position
        where unit_id = current_unit and manager order by created_at, position_id limit 1;
        if first_manager is not null and first_manager <> p_position then
            return first_manager;
        end if;
        select parent_id into current_unit from read_model.unit_parent
        where unit_id = current_unit and valid_from <= p_as_of and (valid_to is null or valid_to > p_as_of);
        steps := steps + 1;
    end loop;
    return null;
end
$$;

create index position_unit_first_manager on read_model.position (unit_id, created_at, position_id) where manager;
