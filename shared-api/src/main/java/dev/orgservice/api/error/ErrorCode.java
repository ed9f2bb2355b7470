package dev.orgservice.api.error;

import java.net.URI;

/**
 * The stable problem types of the API (RFC 9457 {@code type} URIs). Clients switch on these, so a code is
 * never renamed or reused; new ones may be added.
 */
public enum ErrorCode {
    VALIDATION("validation", "Invalid request", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    FEATURE_DISABLED("feature-disabled", "Feature not enabled for this tenant", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict with the current state", 409),
    CYCLE("cycle", "The change would create a cycle", 409),
    DUPLICATE("duplicate", "Already exists", 409),
    ILLEGAL_TRANSITION("illegal-transition", "Illegal lifecycle transition", 409),
    TENANT_SUSPENDED("tenant-suspended", "Tenant is suspended", 409),
    TENANT_NOT_ACTIVE("tenant-not-active", "Tenant is not active", 409),
    CONCURRENT_CHANGE("concurrent-change", "Concurrent change, retry", 409),
    PRECONDITION_FAILED("precondition-failed", "Changed since it was read", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    RULE_VIOLATION("rule-violation", "Business rule violated", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key already used for another request", 422),
    CURRENCY_NOT_COVERED("currency-not-covered", "No approval authority in this currency", 422),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    NOT_YET_CONSISTENT("not-yet-consistent", "Read model has not caught up yet", 503),
    READ_MODEL_PARKED("read-model-parked", "The tenant's read model is held at an event it could not store", 503),
    UNAVAILABLE("unavailable", "Temporarily unavailable", 503),
    INTERNAL("internal", "Internal error", 500);

    public static final String TYPE_BASE = "https://errors.org-service.dev/";

    private final String slug;
    private final String title;
    private final int status;

    ErrorCode(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + slug);
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
