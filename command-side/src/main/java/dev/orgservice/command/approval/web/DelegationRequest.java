package dev.orgservice.command.approval.web;

import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.command.structure.web.UnitRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code delegateId} approves for {@code delegatorId} while {@code [validFrom, validTo)}; a date means 00:00 UTC
 * of that day, so an absence until and including 7 March ends at {@code 2026-03-08}.
 */
@Schema(example = """
        {"delegatorId": "hr:4711", "delegateId": "hr:4712", "purposes": ["PURCHASE_ORDER"],
         "validFrom": "2026-03-01T00:00:00Z", "validTo": "2026-03-08T00:00:00Z",
         "maxAmount": {"amount": "5000.00", "currency": "EUR"}}""")
public record DelegationRequest(
        @NotNull @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String delegatorId,
        @NotNull @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String delegateId,
        @NotEmpty @Size(max = 20) @UniqueElements
        List<@NotNull @Pattern(regexp = ApprovalPurposes.PATTERN) String> purposes,
        UUID unitScope,
        @Valid MoneyRequest maxAmount,
        @NotNull Instant validFrom,
        @NotNull Instant validTo) {

    @AssertTrue(message = "validTo must be after validFrom")
    public boolean isRangeOrdered() {
        return validFrom == null || validTo == null || validTo.isAfter(validFrom);
    }
}
