package dev.orgservice.command.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Expired idempotency keys are forgotten on a schedule ({@link IdempotencyKeys#forgetExpired()}). The keys' command
 * interceptor needs no registration: Axon's auto-configuration puts every {@code MessageHandlerInterceptor} bean on
 * the command bus.
 */
@Configuration
@EnableScheduling
class IdempotencyConfiguration {
}
