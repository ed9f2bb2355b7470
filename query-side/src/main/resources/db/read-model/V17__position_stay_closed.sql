-- The chain walk looks up a unit's manager once per unit it climbs; with the close copied next to the stay, that
-- lookup reads the first-manager index and its rows alone, without a second lookup in read_model.position per
-- candidate (the close does not change once a position has one, except to move earlier).
alter table read_model.position_stay add column closed_from timestamptz;
update read_model.position_stay s set closed_from = p.closed_from
from read_model.position p where p.position_id = s.position_id and p.closed_from is not null;
