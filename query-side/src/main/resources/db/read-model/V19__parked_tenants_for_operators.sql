-- Platform operators list the parked tenants and their held-back events (GET /api/v1/projections/parked-tenants),
-- on the audited path across tenants only (TenantScopedReads.acrossTenants). A tenant's own callers still learn no
-- more than whether their reads are held back (V18), and never the error text, which may quote event values.
-- Why the latest retry failed, written apart from the retry's rolled-back transaction: after a partial fix the cause
-- can be another than the first event's error.
alter table read_model.parked_tenant add column last_retry_at timestamptz, add column last_retry_error text;

grant select on read_model.parked_event to ${api_role};

create policy platform_operators on read_model.parked_tenant for select to ${api_role}
    using ((select current_setting('app.all_tenants', true)) = 'on');
create policy platform_operators on read_model.parked_event for select to ${api_role}
    using ((select current_setting('app.all_tenants', true)) = 'on');
