package dev.orgservice.api;

import dev.orgservice.api.approval.ApprovalEvent;
import dev.orgservice.api.structure.OrganizationTreeEvent;
import dev.orgservice.api.tenant.TenantEvent;
import org.axonframework.serialization.Revision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The public names of the events on Kafka (docs/events.md): which topic each goes to, and its CloudEvents type,
 * a fixed logical name with the revision ({@code org.structure.UnitMoved.v1}), never a Java class name.
 */
public final class EventContract {

    /** Every event record of the public contract. */
    public static final List<Class<?>> EVENTS = Stream.of(TenantEvent.class, OrganizationTreeEvent.class,
            ApprovalEvent.class).flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).toList();

    public static final String TENANT_TOPIC = "org.tenant.events.v1";
    public static final String STRUCTURE_TOPIC = "org.structure.events.v1";

    private EventContract() {
    }

    public static Optional<String> topicOf(Class<?> payloadType) {
        if (TenantEvent.class.isAssignableFrom(payloadType)) {
            return Optional.of(TENANT_TOPIC);
        }
        if (OrganizationTreeEvent.class.isAssignableFrom(payloadType) || ApprovalEvent.class.isAssignableFrom(payloadType)) {
            return Optional.of(STRUCTURE_TOPIC);
        }
        return Optional.empty();
    }

    /** Computed once per class: the Kafka publisher asks for every event it sends. */
    private static final ClassValue<String> TYPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> payloadType) {
            return computeType(payloadType);
        }
    };

    public static String typeOf(Class<?> payloadType) {
        return TYPES.get(payloadType);
    }

    private static String computeType(Class<?> payloadType) {
        String domain = TenantEvent.class.isAssignableFrom(payloadType) ? "org.tenant." : "org.structure.";
        String name = payloadType.getSimpleName().replaceFirst("Event$", "");
        Revision revision = payloadType.getAnnotation(Revision.class);
        if (revision == null) {
            // a default would publish the type under a revision nobody chose, and the stored payload_revision
            // (null without the annotation) would disagree with ce_type: upcasting keys on that revision
            throw new IllegalArgumentException(payloadType.getName() + " has no @Revision: its ce_type needs one");
        }
        return domain + name + ".v" + revision.value();
    }
}
