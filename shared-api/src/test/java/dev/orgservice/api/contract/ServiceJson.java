package dev.orgservice.api.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON the services write events in: Spring Boot's ObjectMapper as command-side.yml and query-side.yml set it up
 * (Axon's event serializer uses that mapper). Boot's defaults that matter for events: java.time as ISO-8601 strings,
 * unknown properties ignored; the services' own setting: null fields left out. Spring is not on shared-api's test
 * path, so the settings are repeated here.
 */
final class ServiceJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ServiceJson() {
    }
}
