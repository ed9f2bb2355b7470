package dev.orgservice.query.parking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The parked tenants and their held-back events ({@code read_model.parked_tenant}, {@code parked_event}), written
 * in the transaction of the processor's batch or of a retry. Whoever parks or releases a tenant's events first
 * takes a transaction-level advisory lock on (processor, tenant), so a retry and the processor never interleave:
 * the processor parks behind a tenant only after checking under that lock that it is still parked.
 */
@Component
public class ParkedTenants {

    /** A tenant whose events a processor holds back. */
    public record Parked(String processor, UUID tenantId) {
    }

    private final JdbcTemplate jdbc;

    ParkedTenants(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("org.projection.parked.tenants", () -> count("parked_tenant"))
                .description("Tenants whose events a projection holds back after one it could not store")
                .register(meters);
        Gauge.builder("org.projection.parked.events", () -> count("parked_event"))
                .description("Events held back by the projections, waiting for a retry")
                .register(meters);
    }

    /** The tenants a processor holds back now (without locking: the batch confirms each under its lock). */
    Set<UUID> of(String processor) {
        return new HashSet<>(jdbc.queryForList("select tenant_id from read_model.parked_tenant where processor_name = ?",
                UUID.class, processor));
    }

    List<Parked> all() {
        return jdbc.query("select processor_name, tenant_id from read_model.parked_tenant order by parked_at",
                (row, n) -> new Parked(row.getString(1), row.getObject(2, UUID.class)));
    }

    /** Locks (processor, tenant) until the end of the transaction. */
    void lock(String processor, UUID tenant) {
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(hashtextextended(?::text || '/' || ?::text, 0))",
                Integer.class, processor, tenant.toString());
    }

    /** Locks (processor, tenant) and answers whether the tenant is still parked. */
    boolean lockIfParked(String processor, UUID tenant) {
        lock(processor, tenant);
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from read_model.parked_tenant "
                + "where processor_name = ? and tenant_id = ?)", Boolean.class, processor, tenant));
    }

    /**
     * Parks an event under the lock taken by {@link #lock} or {@link #lockIfParked}.
     *
     * @param error why the event could not be stored; null for an event parked behind an earlier one
     */
    void park(String processor, UUID tenant, EventMessage<?> event, long position, String error) {
        jdbc.update("""
                insert into read_model.parked_tenant (processor_name, tenant_id, first_position) values (?, ?, ?)
                on conflict (processor_name, tenant_id) do nothing""", processor, tenant, position);
        jdbc.update("""
                insert into read_model.parked_event (processor_name, global_index, tenant_id, event_identifier,
                                                     payload_type, error)
                values (?, ?, ?, ?, ?, ?) on conflict (processor_name, global_index) do nothing""",
                processor, position, tenant, event.getIdentifier(), event.getPayloadType().getName(), error);
    }

    /**
     * Why the latest retry of the tenant's events failed, for the operators: on the tenant, and on the event that
     * failed if it had no error of its own yet (it was parked behind an earlier one, stored since).
     */
    void recordFailedRetry(String processor, UUID tenant, long position, Throwable failure) {
        String error = ParkableFailure.describe(failure);
        recordRetryError(processor, tenant, error);
        jdbc.update("update read_model.parked_event set error = coalesce(error, ?) where processor_name = ? "
                + "and global_index = ?", error, processor, position);
    }

    /** Why the latest retry of the tenant's events failed, when no one event did (in a transaction of its own). */
    void recordFailedRetry(String processor, UUID tenant, Throwable failure) {
        recordRetryError(processor, tenant, ParkableFailure.describe(failure));
    }

    private void recordRetryError(String processor, UUID tenant, String error) {
        jdbc.update("update read_model.parked_tenant set last_retry_at = now(), last_retry_error = ? "
                + "where processor_name = ? and tenant_id = ?", error, processor, tenant);
    }

    /** The oldest held-back events' positions, at most {@code limit} (under the lock). */
    List<Long> positions(String processor, UUID tenant, int limit) {
        return jdbc.queryForList("select global_index from read_model.parked_event where processor_name = ? "
                + "and tenant_id = ? order by global_index limit ?", Long.class, processor, tenant, limit);
    }

    /**
     * Forgets the held-back events up to {@code position}, stored by a retry (under the lock); answers whether that
     * was all of them, and the processor handles the tenant's events again. Otherwise the tenant stays parked from
     * the next one.
     */
    boolean storedThrough(String processor, UUID tenant, long position) {
        jdbc.update("delete from read_model.parked_event where processor_name = ? and tenant_id = ? "
                + "and global_index <= ?", processor, tenant, position);
        Long next = jdbc.queryForObject("select min(global_index) from read_model.parked_event "
                + "where processor_name = ? and tenant_id = ?", Long.class, processor, tenant);
        if (next == null) {
            jdbc.update("delete from read_model.parked_tenant where processor_name = ? and tenant_id = ?",
                    processor, tenant);
            return true;
        }
        jdbc.update("update read_model.parked_tenant set first_position = ? where processor_name = ? "
                + "and tenant_id = ?", next, processor, tenant);
        return false;
    }

    /** A processor reset replays every event, the held-back ones too. */
    public void forget(String processor) {
        jdbc.update("delete from read_model.parked_event where processor_name = ?", processor);
        jdbc.update("delete from read_model.parked_tenant where processor_name = ?", processor);
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from read_model." + table, Long.class);
        return count == null ? 0 : count;
    }
}
