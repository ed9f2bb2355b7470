package dev.orgservice.platform.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.Problems;
import dev.orgservice.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token-bucket rate limiting of authenticated API calls, per tenant (by plan) and per client. Over the limit:
 * 429 problem with {@code Retry-After}; every answer carries {@code RateLimit-Limit/Remaining/Reset} of the
 * tighter bucket. Buckets are per instance (documented): N instances allow N times the rate.
 * <p>
 * A client is its tenant and its {@code sub}: two tenants' identity providers may well issue the same subject (a
 * service account's name), and one tenant's client must not spend another's. Once a minute the buckets that are
 * full again are dropped (a new one would be the same), so the map holds only the clients active lately.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final Duration PLAN_CACHE = Duration.ofSeconds(60);
    private static final Duration PLAN_RETRY = Duration.ofSeconds(5);
    private static final long SWEEP_INTERVAL = Duration.ofSeconds(60).toNanos();

    private final RateLimitProperties properties;
    private final TenantPlans plans;
    private final ObjectMapper json;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<UUID, CachedPlan> planCache = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + SWEEP_INTERVAL);

    private record CachedPlan(String plan, long until) {
    }

    public RateLimitFilter(RateLimitProperties properties, TenantPlans plans, ObjectMapper json) {
        this.properties = properties;
        this.plans = plans;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded path, as Spring MVC matches it: "/%61pi/..." reaches the same controllers (found by a review)
        return !properties.enabled()
                || !UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith("/api/")
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentUser user = CurrentUser.get();
        long now = System.nanoTime();
        sweepFullBuckets(now);
        TokenBucket client = buckets.computeIfAbsent("client:" + user.tenantId() + ":" + user.userId(),
                key -> new TokenBucket(properties.perClient().capacity(), properties.perClient().refillPerSecond(), now));
        String plan = user.tenantId() == null ? null : planOf(user.tenantId(), now);
        // the plan is part of the key: after a plan change the tenant gets a bucket of the new size
        TokenBucket tenant = user.tenantId() == null ? client : buckets.computeIfAbsent(
                "tenant:" + user.tenantId() + ":" + plan, key -> {
                    RateLimitProperties.Limit limit = properties.forPlan(plan);
                    return new TokenBucket(limit.capacity(), limit.refillPerSecond(), now);
                });
        boolean allowed = tenant.tryTake(now) && (client == tenant || client.tryTake(now));
        TokenBucket tighter = tenant.remaining() <= client.remaining() ? tenant : client;
        response.setHeader("RateLimit-Limit", Long.toString(tighter.capacity()));
        response.setHeader("RateLimit-Remaining", Long.toString(tighter.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(tighter.secondsUntilNextToken()));
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(tighter.secondsUntilNextToken()));
        response.setStatus(ErrorCode.RATE_LIMITED.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(ErrorCode.RATE_LIMITED,
                "Too many requests for this " + (tighter == tenant ? "tenant" : "client") + "; retry after the delay",
                request.getRequestURI()));
    }

    private void sweepFullBuckets(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL)) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
    }

    /**
     * The tenant's plan, read at most once a minute. When it cannot be read (the database busy), the plan known
     * before is kept, or the default limits apply, for a few seconds: the plan only sizes the bucket, and the
     * request that needed it should not fail for it.
     */
    private String planOf(UUID tenantId, long now) {
        CachedPlan cached = planCache.get(tenantId);
        if (cached == null || cached.until() < now) {
            String known = cached == null ? null : cached.plan();
            try {
                cached = new CachedPlan(plans.planOf(tenantId), now + PLAN_CACHE.toNanos());
            } catch (RuntimeException e) {
                log.warn("Could not read the plan of tenant {} for its rate limit; using {} for now: {}", tenantId,
                        known == null ? "the default limits" : known, e.toString());
                cached = new CachedPlan(known, now + PLAN_RETRY.toNanos());
            }
            planCache.put(tenantId, cached);
        }
        return cached.plan();
    }
}
