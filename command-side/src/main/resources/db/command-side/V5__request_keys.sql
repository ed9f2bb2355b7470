-- Idempotency keys of create requests (header Idempotency-Key), per tenant: a fingerprint of the request and the
-- ids it handed out, so that the same request sent again is answered with the same ids instead of creating twice.
-- Written in the transaction that appends the request's events: a key exists exactly when its events do.
-- Rows past the retention (org.idempotency.retention) are deleted by the command side.
create table event_store.request_key (
    tenant_id       uuid         not null,
    idempotency_key varchar(255) not null,
    fingerprint     bytea        not null,
    ids             uuid[]       not null,
    -- what the first request answered as the new unit's revision (its ETag); null for other creates
    revision        bigint,
    created_at      timestamptz  not null default now(),
    primary key (tenant_id, idempotency_key)
);

create index request_key_created_at on event_store.request_key (created_at);

grant select, insert, update, delete on event_store.request_key to ${command_role};
