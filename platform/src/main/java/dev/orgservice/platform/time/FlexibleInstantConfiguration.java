package dev.orgservice.platform.time;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Lets JSON bodies and query parameters ({@code asOf}, {@code from}...) carry a date where an instant is expected,
 * and keeps the times a request names within the years 0001 to 9999 ({@link FlexibleInstant#requireRequestable}).
 */
@Configuration
public class FlexibleInstantConfiguration implements WebMvcConfigurer {

    /**
     * A module bean: Spring Boot registers it on the application's ObjectMapper, which Axon's serializer uses too, so
     * it reads any instant: an event is read as it was recorded.
     */
    @Bean
    SimpleModule flexibleInstants() {
        return instants("flexible-instants", true, UnaryOperator.identity());
    }

    /**
     * The instants of a request: only as text, and refused outside the years 0001 to 9999 (a {@code 400} naming the
     * field). A number is refused: {@code 1764350000} would be read as seconds, a JavaScript client's milliseconds
     * as a time 55,000 years ahead, so neither is guessed.
     */
    public static SimpleModule requestedInstants() {
        return instants("requested-instants", false, FlexibleInstant::requireRequestable);
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class,
                (Converter<String, Instant>) text -> FlexibleInstant.requireRequestable(FlexibleInstant.parse(text)));
    }

    /**
     * Reads an instant from a date or an instant string, or (where {@code numbers}) from a number as Jackson does, and
     * then {@code check}s it.
     */
    private static SimpleModule instants(String name, boolean numbers, UnaryOperator<Instant> check) {
        SimpleModule module = new SimpleModule(name);
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (!numbers && parser.currentToken().isNumeric()) {
                    throw InvalidFormatException.from(parser, "an ISO-8601 instant or a date YYYY-MM-DD, as text, "
                            + "not a number", parser.getText(), Instant.class);
                }
                try {
                    return check.apply(parser.currentToken() == JsonToken.VALUE_STRING
                            ? FlexibleInstant.parse(parser.getText())
                            : InstantDeserializer.INSTANT.deserialize(parser, context));
                } catch (IllegalArgumentException e) {
                    throw InvalidFormatException.from(parser, e.getMessage(), parser.getText(), Instant.class);
                }
            }
        });
        return module;
    }
}
