package dev.orgservice.command;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side over real HTTP on a real PostgreSQL; one shared Spring context for all subclasses. */
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = CommandSideApplication.CONFIG_NAME)
public abstract class CommandSideIntegrationTest {

    @LocalServerPort
    protected int port;

    protected Http http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    @BeforeEach
    void client() {
        http = Http.onPort(port);
    }

    /** A new STANDARD tenant, activated by a platform operator; answers its id. */
    protected String newActiveTenant(String slugPrefix) {
        String admin = TestTokens.platformAdmin();
        String tenantId = http.post("/api/v1/tenants", admin, Http.newTenant(uniqueSlug(slugPrefix), "STANDARD"))
                .json().get("tenantId").asText();
        assertThat(http.post("/api/v1/tenants/" + tenantId + "/activate", admin, "{}").status()).isEqualTo(200);
        return tenantId;
    }

    protected static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
