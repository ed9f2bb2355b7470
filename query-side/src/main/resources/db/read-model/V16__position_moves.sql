-- A position can move to another unit, effective-dated (PositionMovedEvent). Its unit is already copied into each
-- row of read_model.position_line (V13), so the unit becomes one more thing those rows hold over time: a row is cut
-- wherever the lines or the unit change, and lines_from / unit_from say since when the row's lines and its unit hold
-- (the change that set them), so that a change of one kind rewrites exactly the later rows it governs, not those of a
-- later change of the same kind. A step of chain_walk from a position still reads one row of one table.
--
-- A unit's manager is its open manager position that has sat in it the longest (the smallest unit_from), then the
-- earliest created, then the lowest id: a position created in the unit has sat there since -infinity, so for
-- positions that never moved this is the rule as before. manager, created_at and closed_from are copies of the
-- position's (a close moves only earlier), so that the first manager of a unit is the first valid row of one partial
-- index, as it was on read_model.position (V4).
alter table read_model.position_line
    add column lines_from  timestamptz,
    add column unit_from   timestamptz not null default '-infinity',
    add column manager     boolean,
    add column created_at  timestamptz,
    add column closed_from timestamptz;
-- until now only a change of lines cut a row, so each row's lines hold from its own start
update read_model.position_line l
set lines_from = l.valid_from, manager = p.manager, created_at = p.created_at, closed_from = p.closed_from
from read_model.position p where p.position_id = l.position_id;
alter table read_model.position_line
    alter column lines_from set not null,
    alter column manager set not null,
    alter column created_at set not null;

create index position_line_first_manager on read_model.position_line (unit_id, unit_from, created_at, position_id)
    where manager;
-- a unit's positions (the unit's page of positions, the reports walk's members)
create index position_line_unit on read_model.position_line (unit_id);

-- every read takes the unit from position_line from now on (R__tenant_reads.sql is recreated after this migration);
-- the indexes on position.unit_id (V3, V4) go with the column
alter table read_model.position drop column unit_id;
