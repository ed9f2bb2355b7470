package dev.orgservice.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.orgservice.platform.time.FlexibleInstantConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The JSON of the HTTP API: the application's ObjectMapper (a copy, so that Axon's serializer still reads every event
 * as recorded), stricter about what a request body may say. A field the request does not have and a field given twice
 * are {@code 400} problems naming the field: ignored, a misspelt {@code effectiveFrom} changed the organization now
 * instead of at the intended date, and a {@code PATCH} of the unchangeable {@code code} recorded an empty change
 * (found by hand, 2026-11-27). A boolean must be {@code true} or {@code false}: Jackson would read {@code 1} and
 * {@code "true"} as true, so a client's {@code "manager": "no"} was refused while {@code "manager": 0} quietly meant
 * false (strings for decimal amounts, {@code "amount": "50000.00"}, stay as documented). An empty or blank string
 * where an id, a number, a date or a boolean belongs is an error too. Text must be storable
({@link StorableText}). Replaces Spring Boot's converter
 * of the same type.
 */
@Configuration
public class ApiJsonConfiguration {

    @Bean
    MappingJackson2HttpMessageConverter apiJson(ObjectMapper objectMapper) {
        ObjectMapper strict = objectMapper.copy()
                .registerModule(FlexibleInstantConfiguration.requestedInstants())
                .registerModule(StorableText.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // "" or "  " for an id, a number, a date or a boolean is an error, not an absent value: Jackson read
        // "unitScope": "" as no scope (a delegation then held for every unit), "newParentId": "" as the root
        strict.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        return new MappingJackson2HttpMessageConverter(strict);
    }
}
