package dev.orgservice.api.view;

/** Answer to an accepted approval-policy command: the purpose and the event-store position to read at. */
public record PolicyCommandResult(String purpose, long position) {
}
