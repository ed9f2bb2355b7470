-- A position's revision: the sequence number, in its tenant's structure stream, of the last event that changed the
-- position itself (created or imported, retitled, lines, move, manager role, holder assigned or vacated, closed; a
-- future-dated change counts when it is recorded; an approval authority does not count). The position view shows it,
-- and a client sends it back in If-Match so that its change is refused if the position changed since it read it.
-- Positions projected before this column existed have none (null) until they change again or the hierarchy
-- projection is rebuilt (docs/operations.md, "Rebuilding a projection"), as for units (V10).
alter table read_model.position add column revision bigint;
