-- Feature toggles in the registry, so organization commands can check them consistently (bulk imports need
-- bulk-import, advanced approval policies need advanced-approvals). enabled_by_default: the keys the plan's
-- terms enable; overrides: the tenant's own switches ({"key": true|false}). Rows registered before this
-- migration have no plan defaults recorded (null) and are treated as having every feature until their next
-- subscription change records the plan's terms.
alter table event_store.tenant_registry
    add column enabled_by_default varchar(64)[],
    add column feature_overrides  jsonb not null default '{}';
