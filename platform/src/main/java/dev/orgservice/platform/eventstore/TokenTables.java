package dev.orgservice.platform.eventstore;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/** Axon's JDBC token store over a Flyway-created {@code token_entry} table with snake_case columns. */
public final class TokenTables {

    private TokenTables() {
    }

    public static TokenSchema schema(String table) {
        return TokenSchema.builder()
                .setTokenTable(table)
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
