-- A position's first role counts from its creation, not from -infinity (V17): a manager position created today no
-- longer takes over from a head that has been made one, or moved in, since last year, today or in the answers about
-- last year (docs/api.md "The unit's manager"). Rows of a run that starts with a move or a change of role keep their
-- date. The same computation as PositionProjection.ROLE_SINCE, for every position at once.
update read_model.position_line l set role_since = runs.since
from (select position_id, valid_from, max(change) over (partition by position_id, run) as since
      from (select position_id, valid_from, change,
                   count(change) over (partition by position_id order by valid_from) as run
            from (select position_id, valid_from,
                         case when (unit_id, manager) is distinct from (lag(unit_id) over w, lag(manager) over w)
                              then case when valid_from = '-infinity' then created_at else valid_from end
                         end as change
                  from read_model.position_line
                  window w as (partition by position_id order by valid_from)) changes) numbered) runs
where l.position_id = runs.position_id and l.valid_from = runs.valid_from
  and l.role_since is distinct from runs.since;
