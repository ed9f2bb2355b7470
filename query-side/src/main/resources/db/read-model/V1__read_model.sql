-- Read models of the query side. Owned by the owner role (Flyway). The projector role writes every
-- tenant's rows; the api role reads, owns nothing, and sees one tenant per transaction (row-level security).
create schema if not exists read_model;
grant usage on schema read_model to ${projector_role}, ${api_role};

-- Axon's tracking tokens (JdbcTokenStore). No RLS: not tenant data. The api role reads them to answer
-- minPosition (read-your-writes).
create table read_model.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);
grant select, insert, update, delete on read_model.token_entry to ${projector_role};
grant select on read_model.token_entry to ${api_role};

create table read_model.tenant (
    tenant_id            uuid         primary key,
    slug                 varchar(63)  not null unique,
    status               varchar(16)  not null,
    country              varchar(2)   not null,
    admin_email          varchar(254) not null,
    name                 varchar(200) not null,
    locale               varchar(35)  not null,
    timezone             varchar(64)  not null,
    currency             varchar(3)   not null,
    data_retention_days  integer      not null,
    settings             jsonb        not null default '{}',
    plan                 varchar(64)  not null,
    plan_terms           jsonb        not null,
    subscription_status  varchar(16)  not null,
    seats                integer,
    billing_email        varchar(254),
    billing_cycle        varchar(16),
    trial_ends_at        timestamptz,
    external_customer_id varchar(128),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null
);
create index tenant_status_plan on read_model.tenant (status, plan);

create table read_model.tenant_feature_override (
    tenant_id   uuid        not null references read_model.tenant (tenant_id),
    feature_key varchar(64) not null,
    enabled     boolean     not null,
    primary key (tenant_id, feature_key)
);

grant select, insert, update, delete on read_model.tenant, read_model.tenant_feature_override to ${projector_role};
grant select on read_model.tenant, read_model.tenant_feature_override to ${api_role};

-- Row-level security: the projector sees and writes everything; the api role sees the tenant set for its
-- transaction, or all tenants on the explicit, audited platform path (app.all_tenants).
alter table read_model.tenant enable row level security;
alter table read_model.tenant_feature_override enable row level security;

create policy projector_all on read_model.tenant to ${projector_role} using (true) with check (true);
create policy projector_all on read_model.tenant_feature_override to ${projector_role} using (true) with check (true);

create policy tenant_isolation on read_model.tenant for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           or current_setting('app.all_tenants', true) = 'on');
create policy tenant_isolation on read_model.tenant_feature_override for select to ${api_role}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           or current_setting('app.all_tenants', true) = 'on');
