package dev.orgservice.query.structure;

/**
 * The management chain as one recursive walk, for queries that define {@code start(position_id)} (the position
 * to start from) and bind {@code :asOf}. The walk stands either on a position or on a unit. From a position it
 * follows the explicit line, else it goes to the position's own unit (remembering where it came from). On a
 * unit it takes the unit's first manager (unless that is where it came from), else it climbs to the parent as
 * of {@code :asOf}. Each manager reached is a link; a position seen before ends the walk. So a chain costs one
 * index lookup per link and per unit climbed. The rows with {@code step > 0} and a {@code position_id} are the
 * chain, nearest manager first; vacant managers are links too (holders are joined by the caller).
 */
public final class ChainWalk {

    public static final String WALK = """
            walk(step, position_id, unit_id, came_from, seen) as (
                select 0, position_id, null::uuid, null::uuid, array[position_id] from start
              union all
                select w.step + 1, next.position_id, next.unit_id, next.came_from,
                       case when next.position_id is null then w.seen else w.seen || next.position_id end
                from walk w
                cross join lateral (
                    select p.reports_to_position_id as position_id,
                           case when p.reports_to_position_id is null then p.unit_id end as unit_id,
                           p.position_id as came_from
                    from read_model.position p where p.position_id = w.position_id
                  union all
                    select case when m.position_id is distinct from w.came_from then m.position_id end,
                           case when m.position_id is null or m.position_id = w.came_from then pa.parent_id end,
                           null::uuid
                    from (select w.unit_id as unit_id) here
                    left join lateral (select m.position_id from read_model.position m
                                       where m.unit_id = here.unit_id and m.manager
                                       order by m.created_at, m.position_id limit 1) m on true
                    left join read_model.unit_parent pa on pa.unit_id = here.unit_id
                        and pa.valid_from <= :asOf and (pa.valid_to is null or pa.valid_to > :asOf)
                    where here.unit_id is not null
                ) next
                where (next.position_id is not null or next.unit_id is not null)
                  and (next.position_id is null or next.position_id <> all(w.seen))
                  and w.step < 256)""";

    private ChainWalk() {
    }
}
