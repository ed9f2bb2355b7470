package dev.orgservice.api.approval;

import java.util.List;

/**
 * What an approval is for. The built-in purposes work without a policy (the default is the management chain
 * until authority); a tenant may name its own purposes (upper-case, e.g. {@code TRAVEL_REQUEST}), which need a
 * policy before a chain can be resolved for them.
 */
public final class ApprovalPurposes {

    public static final String PATTERN = "[A-Z][A-Z0-9_]{1,63}";

    public static final List<String> BUILT_IN = List.of("PURCHASE_REQUISITION", "PURCHASE_ORDER", "EXPENSE_REPORT",
            "INVOICE", "LEAVE_REQUEST");

    private ApprovalPurposes() {
    }

    public static boolean isBuiltIn(String purpose) {
        return BUILT_IN.contains(purpose);
    }
}
