package dev.orgservice.local;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a downstream service (finance, HR...) does with the organization topics: it takes the tenant from the
 * {@code tenant_id} header (never from its own guess), and handles each event once, deduplicating by
 * {@code ce_id}, because delivery is at-least-once. A real consumer keeps the seen ids in its own database,
 * in the transaction that applies the event.
 */
final class ReferenceConsumer {

    record Handled(String tenantId, String type, String eventId, byte[] payload) {
    }

    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, List<Handled>> byTenant = new LinkedHashMap<>();
    private int duplicates;

    void accept(ConsumerRecord<String, byte[]> record) {
        String eventId = header(record, "ce_id");
        if (!seen.add(eventId)) {
            duplicates++;
            return;
        }
        String tenantId = header(record, "tenant_id");
        byTenant.computeIfAbsent(tenantId, t -> new ArrayList<>())
                .add(new Handled(tenantId, header(record, "ce_type"), eventId, record.value()));
    }

    List<Handled> handledFor(String tenantId) {
        return byTenant.getOrDefault(tenantId, List.of());
    }

    int duplicates() {
        return duplicates;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
