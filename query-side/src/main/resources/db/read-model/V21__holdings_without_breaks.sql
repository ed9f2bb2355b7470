-- One person's holdings of a position that adjoin (one ends where the next starts) become one row, as
-- PositionProjection now records a holding renewed without a break: "held the longest" (a person's acting position
-- in management and approval chains, the order of their positions) counts from the start of the unbroken holding.
with ordered as (
    select position_id, valid_from, valid_to, person_id,
           lag(person_id) over w as person_before, lag(valid_to) over w as end_before
    from read_model.position_holder
    window w as (partition by position_id order by valid_from)),
runs as (
    select position_id, valid_from, valid_to,
           count(*) filter (where person_before is distinct from person_id or end_before is distinct from valid_from)
               over (partition by position_id order by valid_from) as run
    from ordered),
joined as (
    select position_id, run, min(valid_from) as valid_from,
           case when bool_or(valid_to is null) then null else max(valid_to) end as valid_to
    from runs group by position_id, run having count(*) > 1),
removed as (
    delete from read_model.position_holder h using runs r, joined j
    where h.position_id = r.position_id and h.valid_from = r.valid_from
      and j.position_id = r.position_id and j.run = r.run and r.valid_from > j.valid_from)
update read_model.position_holder h set valid_to = j.valid_to
from joined j where h.position_id = j.position_id and h.valid_from = j.valid_from;
