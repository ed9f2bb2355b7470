-- The subtree and children reads walk the parent timeline's children index. With each unit's summary (type,
-- code, name) and whether its status ever changed stored in that index too, they take one index probe per unit
-- instead of three (the index, the unit row, the status timeline): on the benchmark's 100,000-unit tree a
-- 1,036-unit subtree went from 9.1 to 4.6 ms in psql (docs/benchmarks.md, eighth run). A unit whose status never
-- changed is ACTIVE wherever one of its parent rows is valid (both timelines start when the unit does); the
-- others (closed at some date, or reopened) look their status up in unit_status as before.
--
-- These are copies of read_model.unit, kept by the hierarchy projection: every parent row of a unit carries the
-- same type, code and name (a move's new row copies them from the unit's other rows, a rename updates them all);
-- status_changed turns true on all of a unit's rows when it is first closed or reopened. A move is still one row.
alter table read_model.unit_parent
    add column type varchar(16),
    add column code varchar(64),
    add column name varchar(200),
    add column status_changed boolean not null default false;

update read_model.unit_parent p
set type = u.type, code = u.code, name = u.name,
    status_changed = exists (select 1 from read_model.unit_status st
                             where st.unit_id = p.unit_id and st.status <> 'ACTIVE')
                     or (select count(*) from read_model.unit_status st where st.unit_id = p.unit_id) > 1
from read_model.unit u
where u.unit_id = p.unit_id;

alter table read_model.unit_parent
    alter column type set not null,
    alter column code set not null,
    alter column name set not null;

create index unit_parent_subtree on read_model.unit_parent (parent_id, valid_from)
    include (unit_id, valid_to, type, code, name, status_changed);
drop index read_model.unit_parent_children;
