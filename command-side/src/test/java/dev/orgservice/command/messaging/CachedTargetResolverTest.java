package dev.orgservice.command.messaging;

import dev.orgservice.command.structure.TreeCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The cached resolver finds the targets Axon's own resolver finds, and fails where it fails. */
class CachedTargetResolverTest {

    private final CommandTargetResolver cached = new CachedTargetResolver();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record OnTree(UUID tenantId, String name) implements TreeCommand {
    }

    record OnField(@TargetAggregateIdentifier String id, @TargetAggregateVersion Long version) {
    }

    record VersionAsText(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    record NoTarget(String id) {
    }

    static final class MethodBeforeField {
        @TargetAggregateIdentifier
        private final String field = "field";

        @TargetAggregateIdentifier
        String method() {
            return "method";
        }
    }

    @Test
    void resolvesAsAxonDoes() {
        for (Object command : List.of(new OnTree(UUID.randomUUID(), "a"), new OnField("t-1", 7L),
                new OnField("t-2", null), new VersionAsText("t-3", "12"), new MethodBeforeField())) {
            for (int twice = 0; twice < 2; twice++) {
                var message = GenericCommandMessage.asCommandMessage(command);
                assertThat(cached.resolveTarget(message)).as("%s", command).isEqualTo(axons.resolveTarget(message));
            }
        }
    }

    @Test
    void failsAsAxonDoes() {
        for (Object command : List.of(new NoTarget("x"), new OnField(null, 1L), new VersionAsText("t", "seven"))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            Throwable expected = catchThrowable(() -> axons.resolveTarget(message));
            assertThatThrownBy(() -> cached.resolveTarget(message)).as("%s", command)
                    .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
    }
}
