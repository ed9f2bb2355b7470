package dev.orgservice.api.tenant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** A tenant's id. Serialized as the bare UUID; {@link #toString()} is what Axon stores as the aggregate id. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @JsonCreator
    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
