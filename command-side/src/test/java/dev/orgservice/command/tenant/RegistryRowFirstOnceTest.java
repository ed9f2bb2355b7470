package dev.orgservice.command.tenant;

import dev.orgservice.command.CommandSideIntegrationTest;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Field;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a concurrency review: {@link RegistryRowFirst} is a {@code MessageHandlerInterceptor} bean, which
 * Axon's auto-configuration already puts on the command bus (as it does {@code IdempotencyKeys}), and it registers
 * itself again in {@code afterSingletonsInstantiated}: every registry-changing tenant command locks the row twice
 * (two {@code SELECT ... FOR UPDATE} round trips in its transaction).
 */
class RegistryRowFirstOnceTest extends CommandSideIntegrationTest {

    @Autowired
    CommandBus commandBus;

    @Test
    void theRegistryRowIsLockedOncePerCommand() throws Exception {
        Field field = SimpleCommandBus.class.getDeclaredField("handlerInterceptors");
        field.setAccessible(true);
        List<?> interceptors = (List<?>) field.get(commandBus);

        assertThat(interceptors.stream().filter(RegistryRowFirst.class::isInstance).count())
                .as("RegistryRowFirst on the command bus: " + interceptors).isEqualTo(1);
    }
}
