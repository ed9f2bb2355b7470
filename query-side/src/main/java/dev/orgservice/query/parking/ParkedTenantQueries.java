package dev.orgservice.query.parking;

import dev.orgservice.api.view.ParkedTenantView;
import dev.orgservice.query.storage.TenantScopedReads;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.instant;

/** The parked tenants as platform operators see them: across tenants, as the API role, audited. */
@Component
public class ParkedTenantQueries {

    private static final String PARKED = """
            select t.processor_name, t.tenant_id, t.first_position, t.parked_at, t.last_retry_at, t.last_retry_error,
                   failed.payload_type, failed.error,
                   (select count(*) from read_model.parked_event e
                     where e.processor_name = t.processor_name and e.tenant_id = t.tenant_id) as events
              from read_model.parked_tenant t
              left join read_model.parked_event failed
                on failed.processor_name = t.processor_name and failed.global_index = t.first_position
             order by t.parked_at, t.processor_name, t.tenant_id""";

    private final TenantScopedReads reads;

    ParkedTenantQueries(TenantScopedReads reads) {
        this.reads = reads;
    }

    public List<ParkedTenantView> all(String callerId) {
        return reads.acrossTenants(callerId, "parked tenants", sql -> sql.getJdbcTemplate().query(PARKED,
                (row, n) -> new ParkedTenantView(row.getString("processor_name"),
                        row.getObject("tenant_id", UUID.class), row.getLong("first_position"),
                        row.getString("payload_type"), instant(row, "parked_at"), row.getLong("events"),
                        row.getString("error"), instant(row, "last_retry_at"), row.getString("last_retry_error"))));
    }
}
