-- Who has a dotted line to a position (GET .../dotted-line-reports): the lines with any dotted line, per tenant.
-- Row-level security lets PostgreSQL use an index only for leakproof conditions (V12): `= any(dotted_line_to)` and
-- the array operators are not, so a GIN index on the array would never serve the api role; this partial index does
-- (its condition is the policy's tenant, its predicate is implied by the statement), and only lines with dotted
-- lines are in it.
create index position_line_dotted on read_model.position_line (tenant_id) where dotted_line_to <> '{}';
