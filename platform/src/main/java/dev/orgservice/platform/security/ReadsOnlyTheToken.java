package dev.orgservice.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that reads nothing but the caller's own token, so any valid token may call it, also one without
 * {@code tenant_id} that is not a platform admin's ({@link TenantAccessInterceptor} refuses such a token everywhere
 * else): it is how a client finds out why its other calls are refused.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsOnlyTheToken {
}
