package dev.orgservice.platform.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsOtherParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=require", "orgservice"))
                .isEqualTo("jdbc:postgresql://db:5432/orgservice?sslmode=require");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432", "orgservice"))
                .isEqualTo("jdbc:postgresql://db:5432/orgservice");
    }

    @Test
    void dropsCredentialsThatWouldOverrideTheRoleOfEveryConnection() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost:15432/postgres?user=postgres&password=x&ssl=false",
                "orgservice")).isEqualTo("jdbc:postgresql://localhost:15432/orgservice?ssl=false");
    }
}
