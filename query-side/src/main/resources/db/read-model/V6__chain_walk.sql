-- Management and approval chains now walk in one recursive statement (ChainWalk in the query side), which
-- measured faster than calling manager_above once per link. The function has no caller left. The partial
-- index position_unit_first_manager stays: the walk finds a unit's first manager through it.
drop function read_model.manager_above(uuid, timestamptz);
