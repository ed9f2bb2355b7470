package dev.orgservice.command.tenant.web;

import dev.orgservice.api.tenant.BillingCycle;
import dev.orgservice.api.tenant.SubscriptionStatus;
import dev.orgservice.platform.validation.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Replaces the subscription as a whole (PUT): absent optional fields become empty. */
@Schema(example = """
        {"plan": "ENTERPRISE", "status": "ACTIVE", "seats": 250, "billingEmail": "ap@acme.example",
         "billingCycle": "YEARLY", "trialEndsAt": "2027-01-01T00:00:00Z", "externalCustomerId": "cus_123"}""")
public record SubscriptionRequest(
        @NotBlank String plan,
        @NotNull SubscriptionStatus status,
        @Min(0) Integer seats,
        // @Email takes "" as valid: stored, it read as an address that is not there
        @Email @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) @Size(max = 254) String billingEmail,
        BillingCycle billingCycle,
        Instant trialEndsAt,
        @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._:@-]+") String externalCustomerId) {
}
