-- Every change of a tenant's registry row is announced on the channel tenant_registry_changed (payload: the tenant
-- id) when its transaction commits, so that the command-side instances that remember the row (RegistryTenantGuard)
-- forget it before their next command on that tenant (RegistryChanges). Correctness does not depend on it: a command
-- that used a row changed meanwhile fails its append (DeferredStoreCheck) and is retried; the announcement spares
-- that retry and the reload of the tenant's cached tree it costs.
create function event_store.announce_registry_change() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('tenant_registry_changed', new.tenant_id::text);
    return null;
end
$$;

create trigger tenant_registry_changed
    after update on event_store.tenant_registry
    for each row execute function event_store.announce_registry_change();
