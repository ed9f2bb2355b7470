package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.FeatureTerms;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plans a tenant can subscribe to, from configuration ({@code org.plans}, see README). */
@ConfigurationProperties("org")
public record PlanCatalog(Map<String, Plan> plans) {

    public record Plan(int maxUnits, int maxPositions, Map<String, FeatureTerms> features) {
    }

    public PlanCatalog {
        plans = new TreeMap<>(plans);
    }

    /** The terms of a plan as of now; an unknown plan is a validation error of the request field {@code plan}. */
    public PlanTerms terms(String plan) {
        Plan found = plan == null ? null : plans.get(plan);
        if (found == null) {
            throw new OrgException(ErrorCode.VALIDATION, "Unknown plan " + plan, Map.of("errors",
                    List.of(new Problems.FieldError("plan", "must be one of " + plans.keySet()))));
        }
        return new PlanTerms(plan, found.maxUnits(), found.maxPositions(), found.features());
    }
}
