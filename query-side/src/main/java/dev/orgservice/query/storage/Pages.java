package dev.orgservice.query.storage;

import dev.orgservice.api.view.PageView;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/**
 * A page of a list read with {@code :limit} and {@code :offset}, with the list's exact total. The page's statement
 * must order by something unique, so that pages neither repeat nor skip a row.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * @param count counts the list with the same parameters; not run when the page is neither empty nor full: that is
     *              the last page, and its total is known
     */
    public static <T> PageView<T> read(NamedParameterJdbcTemplate sql, String page, String count,
                                       MapSqlParameterSource params, RowMapper<T> rows, int number, int size) {
        long offset = (long) number * size;
        List<T> items = sql.query(page, params.addValue("limit", size).addValue("offset", offset), rows);
        if (!items.isEmpty() && items.size() < size) {
            return new PageView<>(items, number, size, offset + items.size());
        }
        Long total = sql.queryForObject(count, params, Long.class);
        return new PageView<>(items, number, size, total == null ? 0 : total);
    }
}
