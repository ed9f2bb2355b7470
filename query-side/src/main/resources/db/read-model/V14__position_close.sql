-- A position can be closed (abolished) from a date on (PositionClosedEvent): from closed_from on it is nobody's
-- manager and nobody's report (chain_walk, the reports walk); it is still answered, as closed, by its id.
alter table read_model.position add column closed_from timestamptz;
