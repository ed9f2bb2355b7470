package dev.orgservice.command.tenant.web;

import dev.orgservice.api.tenant.TenantSlugs;
import dev.orgservice.platform.validation.IsoCountry;
import dev.orgservice.platform.validation.IsoCurrency;
import dev.orgservice.platform.validation.LanguageTag;
import dev.orgservice.platform.validation.TimeZoneId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import dev.orgservice.platform.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

@Schema(example = """
        {"slug": "acme", "name": "Acme GmbH", "country": "DE", "locale": "de-DE", "timezone": "Europe/Berlin",
         "currency": "EUR", "plan": "STANDARD", "adminEmail": "it@acme.example"}""")
public record CreateTenantRequest(
        @Schema(description = "optional: a client-chosen id makes the create idempotent") UUID tenantId,
        @NotNull @Pattern(regexp = TenantSlugs.PATTERN, message = "must be " + TenantSlugs.MESSAGE) String slug,
        @NotBlank @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) @Size(max = 200) String name,
        @NotNull @IsoCountry String country,
        @NotNull @LanguageTag String locale,
        @NotNull @TimeZoneId String timezone,
        @NotNull @IsoCurrency String currency,
        @NotBlank @Schema(example = "STANDARD") String plan,
        @NotBlank @Email @Size(max = 254) String adminEmail) {

    private static final UUID NIL = new UUID(0, 0);

    /** The nil UUID is what an unset id looks like in many clients: taking it would bind a tenant to a bug. */
    @AssertTrue(message = "must not be the nil UUID")
    @Schema(hidden = true)
    public boolean isTenantIdSet() {
        return !NIL.equals(tenantId);
    }
}
