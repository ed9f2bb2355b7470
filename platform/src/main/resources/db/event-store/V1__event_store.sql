-- Axon's event store for the JDBC storage engine. Owned by the owner role that runs Flyway;
-- the command role may only append (no UPDATE, no DELETE on events: they are immutable).
create schema if not exists event_store;

create table event_store.domain_event_entry (
    -- bigserial: one value per row, no pre-allocated blocks, so restarts leave no false gaps
    global_index         bigserial    primary key,
    event_identifier     varchar(255) not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    -- optimistic concurrency across instances: a second writer of the same sequence number fails here
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table event_store.snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null unique,
    time_stamp           varchar(255) not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea,
    primary key (aggregate_identifier, sequence_number)
);

grant usage on schema event_store to ${command_role}, ${projector_role};
grant select, insert on event_store.domain_event_entry to ${command_role};
grant usage, select on sequence event_store.domain_event_entry_global_index_seq to ${command_role};
grant select, insert, delete on event_store.snapshot_event_entry to ${command_role};
-- the query side rebuilds its read models from the full history
grant select on event_store.domain_event_entry to ${projector_role};
