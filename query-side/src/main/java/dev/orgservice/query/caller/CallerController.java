package dev.orgservice.query.caller;

import dev.orgservice.api.view.CallerView;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.security.ReadsOnlyTheToken;
import dev.orgservice.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: what the service read from the caller's token. A client checks its token with it (why a
 * call is {@code 403} or {@code 404}: no role, or bound to another tenant), and, touching no database, it is the
 * authenticated web stack's own floor in the structure benchmark.
 */
@RestController
@Tag(name = "Caller", description = "Who the service takes the caller to be")
public class CallerController {

    @GetMapping("/api/v1/me")
    @ReadsOnlyTheToken
    @Operation(summary = "The caller as the service sees it: subject, tenant and recognized roles from the token")
    public CallerView me() {
        CurrentUser user = CurrentUser.get();
        return new CallerView(user.userId(), user.tenantId(), user.roles().stream().map(Role::name).toList());
    }
}
