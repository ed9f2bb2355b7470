-- Approval authorities, policies and delegations. Authorities and policies are timelines like the unit's parent
-- ([valid_from, valid_to), valid_to null = open), so asOf sees scheduled changes; a revoked authority is a row
-- with a null amount. A delegation is one row; a revocation ends it (valid_to) at the revocation instant.
create table read_model.approval_authority (
    position_id uuid          not null,
    purpose     varchar(64)   not null,
    currency    char(3)       not null,
    valid_from  timestamptz   not null,
    valid_to    timestamptz,
    tenant_id   uuid          not null,
    amount      numeric,
    primary key (position_id, purpose, currency, valid_from)
);

create table read_model.approval_policy (
    tenant_id  uuid        not null,
    purpose    varchar(64) not null,
    valid_from timestamptz not null,
    valid_to   timestamptz,
    policy     jsonb       not null,
    primary key (tenant_id, purpose, valid_from)
);

create table read_model.delegation (
    delegation_id uuid           primary key,
    tenant_id     uuid           not null,
    delegator_id  varchar(64)    not null,
    delegate_id   varchar(64)    not null,
    purposes      varchar(64)[]  not null,
    unit_scope    uuid,
    max_amount    numeric,
    max_currency  char(3),
    valid_from    timestamptz    not null,
    valid_to      timestamptz    not null,
    granted_at    timestamptz    not null
);
create index delegation_by_delegator on read_model.delegation (tenant_id, delegator_id, valid_from)
    include (valid_to);

grant select, insert, update, delete on read_model.approval_authority, read_model.approval_policy,
    read_model.delegation to ${projector_role};
grant select on read_model.approval_authority, read_model.approval_policy, read_model.delegation to ${api_role};

alter table read_model.approval_authority enable row level security;
alter table read_model.approval_policy enable row level security;
alter table read_model.delegation enable row level security;

create policy projector_all on read_model.approval_authority to ${projector_role} using (true) with check (true);
create policy projector_all on read_model.approval_policy to ${projector_role} using (true) with check (true);
create policy projector_all on read_model.delegation to ${projector_role} using (true) with check (true);

create policy tenant_isolation on read_model.approval_authority for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_isolation on read_model.approval_policy for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy tenant_isolation on read_model.delegation for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
