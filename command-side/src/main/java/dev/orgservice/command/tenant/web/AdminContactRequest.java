package dev.orgservice.command.tenant.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The same rules as the {@code adminEmail} of a tenant's creation. */
@Schema(example = """
        {"adminEmail": "it-admin@acme.example"}""")
public record AdminContactRequest(@NotBlank @Email @Size(max = 254) String adminEmail) {
}
