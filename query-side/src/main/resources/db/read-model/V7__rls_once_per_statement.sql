-- Row-level security's tenant check, evaluated once per statement instead of once per row.
--
-- Written as `tenant_id = nullif(current_setting(...), '')::uuid`, PostgreSQL evaluates the right-hand side
-- for every row it filters: a call, a nullif and a uuid parse per row. Wrapped in a scalar subquery it becomes an
-- InitPlan, computed once and compared as a constant. Measured on 6,000 filtered rows: 2.3 ms -> 0.7 ms. A 1,000-unit
-- subtree filters about 3,000 rows (unit_parent, unit, unit_status). The setting is transaction-local
-- (TenantScopedReads), so it cannot change within a statement: the same rows pass as before.
alter policy tenant_isolation on read_model.tenant
    using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
           or (select current_setting('app.all_tenants', true)) = 'on');
alter policy tenant_isolation on read_model.tenant_feature_override
    using (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)
           or (select current_setting('app.all_tenants', true)) = 'on');
do $$
declare
    structure_table text;
begin
    foreach structure_table in array array['unit', 'unit_parent', 'unit_status', 'position', 'position_holder',
                                             'approval_authority', 'approval_policy', 'delegation'] loop
        execute format('alter policy tenant_isolation on read_model.%I using (tenant_id = '
                       '(select nullif(current_setting(''app.tenant_id'', true), '''')::uuid))', structure_table);
    end loop;
end
$$;
