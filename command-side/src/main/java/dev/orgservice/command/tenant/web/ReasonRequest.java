package dev.orgservice.command.tenant.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Suspending or offboarding a tenant needs a reason; it is kept in the event and in the audit trail. */
public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
}
