package dev.orgservice.command.tenant.web;

import dev.orgservice.platform.validation.IsoCurrency;
import dev.orgservice.platform.validation.LanguageTag;
import dev.orgservice.platform.validation.TimeZoneId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.orgservice.platform.validation.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** Every field optional; in {@code settings} a null value removes the key. */
@Schema(example = """
        {"name": "Acme Group GmbH", "timezone": "Europe/Vienna", "dataRetentionDays": 730,
         "settings": {"ui.theme": "dark", "legacyFlag": null}}""")
public record UpdateConfigurationRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) String name,
        @LanguageTag String locale,
        @TimeZoneId String timezone,
        @IsoCurrency String currency,
        @Min(30) @Max(3650) Integer dataRetentionDays,
        @Size(max = 100) Map<
                @Pattern(regexp = "[a-z][a-zA-Z0-9.]{0,63}", message = "setting keys match [a-z][a-zA-Z0-9.]{0,63}") String,
                @Size(max = 1024) String> settings) {
}
