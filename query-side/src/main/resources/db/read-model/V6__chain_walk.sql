-- Management and approval chains now walk in one recursive statement (ChainWalk in the query side, the same
-- SQL as the benchmark's baseline) instead of calling manager_above once per link; the REST figures stayed
-- within the run-to-run noise. The function has no caller left. The partial
-- index position_unit_first_manager stays: the walk finds a unit's first manager through it.
drop function read_model.manager_above(uuid, timestamptz);
