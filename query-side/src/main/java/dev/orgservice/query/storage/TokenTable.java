package dev.orgservice.query.storage;

/** Where the query side's processors keep their tracking tokens. */
public final class TokenTable {

    public static final String NAME = "read_model.token_entry";

    private TokenTable() {
    }
}
