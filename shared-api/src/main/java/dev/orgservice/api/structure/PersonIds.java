package dev.orgservice.api.structure;

/**
 * A person is the HR service's, named here by its id only: the one shape every endpoint takes, in a body, a query
 * parameter or a path, so that an id one endpoint refuses is not quietly "nobody" at another.
 */
public final class PersonIds {

    public static final String PATTERN = "[A-Za-z0-9._:@-]{1,64}";
    public static final String MESSAGE = "1-64 characters of A-Z, a-z, 0-9, '.', '_', ':', '@', '-'";

    private PersonIds() {
    }
}
