package dev.orgservice.command.tenant;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.orgservice.command.RegistryLocks.awaitLockWaiter;
import static dev.orgservice.command.RegistryLocks.lastIndex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suspension that waits for a tree command holding the tenant's registry row (FOR SHARE, as RegistryTenantGuard
 * does) waits before its event is appended: while it waits, no global index is taken, so the tracking processors
 * have no gap to give up on.
 */
class RegistryRowFirstTest extends CommandSideIntegrationTest {

    private static final String ADMIN = TestTokens.platformAdmin();

    @Test
    void aSuspensionWaitsForTheTreeCommandsBeforeItTakesAnEventIndex() throws Exception {
        String tenantId = newActiveTenant("row");

        try (Connection treeCommand = TestDatabase.get().connectAsAdmin()) {
            treeCommand.setAutoCommit(false);
            try (PreparedStatement share = treeCommand.prepareStatement(
                    "select 1 from event_store.tenant_registry where tenant_id = ? for share")) {
                share.setObject(1, UUID.fromString(tenantId));
                share.executeQuery().close();
            }
            long before = lastIndex();
            CompletableFuture<Http.Response> suspension = CompletableFuture.supplyAsync(() ->
                    http.post("/api/v1/tenants/" + tenantId + "/suspend", ADMIN, "{\"reason\":\"audit\"}"));
            awaitLockWaiter("the suspension");
            assertThat(lastIndex()).as("no event index taken while the suspension waits").isEqualTo(before);
            treeCommand.commit();

            Http.Response suspended = suspension.get(30, TimeUnit.SECONDS);
            assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
            assertThat(suspended.position()).isGreaterThan(before);
        }
    }
}
