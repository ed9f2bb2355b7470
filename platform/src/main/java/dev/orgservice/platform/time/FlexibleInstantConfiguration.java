package dev.orgservice.platform.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.Instant;

/** Lets JSON bodies and query parameters ({@code asOf}, {@code from}...) carry a date where an instant is expected. */
@Configuration
public class FlexibleInstantConfiguration implements WebMvcConfigurer {

    /** A module bean: Spring Boot registers it on the application's ObjectMapper, which Axon's serializer uses too. */
    @Bean
    SimpleModule flexibleInstants() {
        SimpleModule module = new SimpleModule("flexible-instants");
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    try {
                        return FlexibleInstant.parse(parser.getText());
                    } catch (IllegalArgumentException e) {
                        return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), e.getMessage());
                    }
                }
                return InstantDeserializer.INSTANT.deserialize(parser, context);
            }
        });
        return module;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) FlexibleInstant::parse);
    }
}
