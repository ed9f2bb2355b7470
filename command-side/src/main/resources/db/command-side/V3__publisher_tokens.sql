-- Tracking tokens of the command side's own processors (the Kafka publisher): how far it has published.
create table event_store.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);
grant select, insert, update, delete on event_store.token_entry to ${command_role};
