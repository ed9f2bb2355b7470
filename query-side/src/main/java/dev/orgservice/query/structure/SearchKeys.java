package dev.orgservice.query.structure;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

/**
 * A unit's search keys (V12 of the read model): its lower-case code and the lower-case words of its name, split as
 * PostgreSQL splits them, so that a search finds a prefix of any of them through an index, row-level security on.
 */
final class SearchKeys {

    private static final String INSERT = """
            insert into read_model.unit_search_key (unit_id, key, tenant_id)
            select u.unit_id, k.key, u.tenant_id from read_model.unit u
            cross join lateral (select lower(u.code)
                                union select w from regexp_split_to_table(lower(u.name), '[^[:alnum:]]+') w) k(key)
            where u.unit_id = any(?) and k.key <> '' on conflict do nothing""";

    private SearchKeys() {
    }

    /** The keys of units just written to {@code read_model.unit}: one statement for all of them. */
    static void add(JdbcTemplate jdbc, List<UUID> unitIds) {
        jdbc.update(INSERT, ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", unitIds.toArray())));
    }

    /** After a rename: the unit's keys from its current code and name. */
    static void replace(JdbcTemplate jdbc, UUID unitId) {
        jdbc.update("delete from read_model.unit_search_key where unit_id = ?", unitId);
        add(jdbc, List.of(unitId));
    }
}
