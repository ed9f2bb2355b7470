-- A position can become a manager position, or stop being one, effective-dated (PositionManagerRoleChangedEvent).
-- position_line's copy of the flag (V16) becomes one more thing its rows hold over time: a row is also cut where the
-- role changes, and manager_from says since when the row's role holds (the change that set it), as lines_from and
-- unit_from do, so that a change of role rewrites exactly the later rows it governs. read_model.position.manager
-- goes: every read takes the role at asOf from position_line.
--
-- A unit's manager at asOf is its open manager position that has been one there the longest, then the earliest
-- created, then the lowest id. role_since is when the row's run began: the first of the position's consecutive rows
-- in the same unit with the same role. Not unit_from or manager_from: those name the change that set a row, and a
-- change recorded later for an earlier date can make a later change of the same unit or role redundant (a deputy
-- made a manager position from 2030, recorded after it was made one from 2033, has been one since 2030). A position
-- created as a manager position that never moved has been one since -infinity, so for those the rule is as before.
-- The projection recomputes role_since for a position whenever it moves or changes role (a few rows).
alter table read_model.position_line
    add column manager_from  timestamptz not null default '-infinity',
    add column role_since    timestamptz;

update read_model.position_line l set role_since = runs.since
from (select position_id, valid_from, max(change) over (partition by position_id order by valid_from) as since
      from (select position_id, valid_from,
                   case when unit_id is distinct from lag(unit_id) over w then valid_from end as change
            from read_model.position_line window w as (partition by position_id order by valid_from)) changes) runs
where l.position_id = runs.position_id and l.valid_from = runs.valid_from;

alter table read_model.position_line alter column role_since set not null;

drop index read_model.position_line_first_manager;
create index position_line_first_manager on read_model.position_line (unit_id, role_since, created_at, position_id)
    where manager;

-- every read takes the role from position_line from now on (R__tenant_reads.sql is recreated after this migration)
alter table read_model.position drop column manager;
