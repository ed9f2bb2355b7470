package dev.orgservice.api;

import dev.orgservice.api.approval.ApprovalEvent;
import dev.orgservice.api.structure.OrganizationTreeEvent;
import dev.orgservice.api.tenant.TenantEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTest {

    /** SharedApiDependencyTest finds the events by their interfaces; this is the list the contract publishes. */
    @Test
    void everyPublishedEventIsARevisionedRecordNamedEvent() {
        assertThat(EventContract.EVENTS).hasSize(TenantEvent.class.getPermittedSubclasses().length
                + OrganizationTreeEvent.class.getPermittedSubclasses().length
                + ApprovalEvent.class.getPermittedSubclasses().length);
        assertThat(EventContract.EVENTS).allSatisfy(event -> assertThat(event)
                .matches(Class::isRecord, "is a record")
                .matches(type -> type.isAnnotationPresent(Revision.class), "carries @Revision")
                .matches(type -> type.getSimpleName().endsWith("Event"), "has a name ending in Event"));
    }

    @Test
    void aClassWithoutRevisionHasNoType() {
        assertThatThrownBy(() -> EventContract.typeOf(Unrevisioned.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@Revision");
    }

    private record Unrevisioned() {
    }
}
