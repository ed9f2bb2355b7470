package dev.orgservice.query.parking.web;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.view.ItemsView;
import dev.orgservice.api.view.ParkedRetryResult;
import dev.orgservice.api.view.ParkedTenantView;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.security.Role;
import dev.orgservice.query.parking.ParkedEventRetry;
import dev.orgservice.query.parking.ParkedTenantQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.OptionalInt;

/**
 * For platform operators: which tenants' events the projections hold back, and a retry now, after a fix, instead of
 * at the next scheduled one (docs/operations.md#a-projection-that-cannot-store-an-event).
 */
@RestController
@RequestMapping("/api/v1/projections/parked-tenants")
@PreAuthorize(Role.PLATFORM)
@Tag(name = "Projections", description = "Operating the read models (platform operators only)")
public class ParkedTenantController {

    private static final Logger audit = LoggerFactory.getLogger("audit.platform-operation");

    private final ParkedTenantQueries parked;
    private final ParkedEventRetry retries;

    public ParkedTenantController(ParkedTenantQueries parked, ParkedEventRetry retries) {
        this.parked = parked;
        this.retries = retries;
    }

    @GetMapping
    @Operation(summary = "The tenants whose events a projection holds back, with the error of the first event and "
            + "of the latest retry")
    public ItemsView<ParkedTenantView> list() {
        return new ItemsView<>(parked.all(CurrentUser.get().userId()));
    }

    @PostMapping("/retry")
    @Operation(summary = "Store the held-back events now, tenant by tenant, oldest first; answers what is left "
            + "(409 while a retry runs already)")
    public ParkedRetryResult retry() {
        String operator = CurrentUser.get().userId();
        audit.info("parked-event retry requested by {}", operator);
        OptionalInt released = retries.retryAll();
        if (released.isEmpty()) {
            audit.info("parked-event retry by {} not started: a retry is running", operator);
            throw new OrgException(ErrorCode.CONFLICT, "A retry of the parked events is running already on this "
                    + "instance; ask again when it has ended");
        }
        ParkedRetryResult result = new ParkedRetryResult(released.getAsInt(), parked.all(operator));
        audit.info("parked-event retry by {}: {} tenant(s) caught up, {} still parked", operator,
                released.getAsInt(), result.stillParked().size());
        return result;
    }
}
