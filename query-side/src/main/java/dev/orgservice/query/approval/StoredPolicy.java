package dev.orgservice.query.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.approval.ApprovalStep;

import java.util.List;

/** A policy as stored in {@code read_model.approval_policy.policy} (jsonb). */
record StoredPolicy(List<ApprovalStep> steps, int minApprovers, int maxApprovers) {

    /** For a built-in purpose without a policy: the management chain until authority, 1 to 8 approvers. */
    static final StoredPolicy DEFAULT = new StoredPolicy(List.of(ApprovalStep.MANAGEMENT_CHAIN), 1, 8);

    static StoredPolicy read(ObjectMapper json, String stored) {
        try {
            return json.readValue(stored, StoredPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable approval policy in the read model", e);
        }
    }
}
