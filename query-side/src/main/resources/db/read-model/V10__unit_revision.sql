-- A unit's revision: the sequence number, in its tenant's structure stream, of the last event that changed the unit
-- itself (created or imported, details, move, close, reopen; a future-dated change counts when it is recorded).
-- The unit view shows it, and a client sends it back in If-Match so that its change is refused if the unit changed
-- since it read it. Units projected before this column existed have none (null) until they change again or the
-- hierarchy projection is rebuilt (docs/operations.md, "Rebuilding a projection").
alter table read_model.unit add column revision bigint;
