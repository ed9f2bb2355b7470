-- The subtree's walk under row-level security. The api role's policy filters every unit_parent row on tenant_id,
-- and V8's index did not hold tenant_id: for the api role (not for the owner that EXPLAIN and the benchmark's raw
-- SQL run as) each step of the walk became a bitmap heap scan, a heap visit per unit. With tenant_id in the index
-- the walk stays index-only under the policy: the 1,036-unit subtree as the api role, in psql, 4.1-4.7 ms -> 3.2-3.9
-- ms (docs/benchmarks.md, eighth run).
create index unit_parent_subtree_of_tenant on read_model.unit_parent (parent_id, valid_from)
    include (unit_id, valid_to, tenant_id, type, code, name, status_changed);
drop index read_model.unit_parent_subtree;
