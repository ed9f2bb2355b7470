package dev.orgservice.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * Every string of a request body, and every key of its maps, must be text PostgreSQL can store and JSON can carry:
 * no NUL character ({@code \u0000}, which no {@code text}, {@code varchar} or {@code jsonb} value takes) and no
 * half of a surrogate pair (not a character at all). Such a value used to be accepted, recorded in an event, and then
 * refused by the read model's database, which parked the tenant's read model on an event that can never be stored
 * (found by a review, 2026-11-28). Now it is a {@code 400} naming the field, and nothing is recorded.
 */
public final class StorableText {

    public static final String REFUSAL = "text may not contain a NUL character (\\u0000) or half of a surrogate pair";

    private StorableText() {
    }

    static SimpleModule module() {
        return new SimpleModule("storable-text")
                .addDeserializer(String.class, new StorableStrings())
                .addKeyDeserializer(String.class, new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                        return isStorable(key) ? key : context.handleWeirdKey(String.class, key, REFUSAL);
                    }
                });
    }

    /**
     * Jackson's own string deserializer, checked. Not being Jackson's standard one, it also reads the elements of a
     * {@code List<String>} (which Jackson reads without calling the standard one).
     */
    private static final class StorableStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            return value == null || isStorable(value) ? value
                    : (String) context.handleWeirdStringValue(String.class, value, REFUSAL);
        }
    }

    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
