-- A position's role counts from its creation at the earliest, also where a move or a change of role was recorded for
-- a date before it (V20 kept those dates): a position created today and made a manager position from last year no
-- longer takes over from the head it found (docs/api.md "The unit's manager": "since the latest of its creation, its
-- arrival and its becoming one"). The same computation as PositionProjection.ROLE_SINCE, for every position at once.
update read_model.position_line l set role_since = runs.since
from (select position_id, valid_from, max(change) over (partition by position_id, run) as since
      from (select position_id, valid_from, change,
                   count(change) over (partition by position_id order by valid_from) as run
            from (select position_id, valid_from,
                         case when (unit_id, manager) is distinct from (lag(unit_id) over w, lag(manager) over w)
                              then greatest(valid_from, created_at)
                         end as change
                  from read_model.position_line
                  window w as (partition by position_id order by valid_from)) changes) numbered) runs
where l.position_id = runs.position_id and l.valid_from = runs.valid_from
  and l.role_since is distinct from runs.since;
