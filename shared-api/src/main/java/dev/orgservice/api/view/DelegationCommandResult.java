package dev.orgservice.api.view;

import java.util.UUID;

/** Answer to an accepted delegation command: the delegation and the event-store position to read at. */
public record DelegationCommandResult(UUID delegationId, long position) {
}
