package dev.orgservice.command.messaging;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Review: CachedTargetResolver answers exactly as Axon's AnnotationCommandTargetResolver for the shapes the brief
 * names beyond CachedTargetResolverTest: an overridden annotated method (and an unannotated override), annotated
 * superclass fields, an identifier null for some instances of a class (after non-null ones were cached), integer,
 * text and primitive versions, and accessors that throw (identifier or version). Passes on the current code.
 */
class CachedTargetResolverParityReviewTest {

    private final CommandTargetResolver cached = new CachedTargetResolver();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    static class Base {
        @TargetAggregateIdentifier
        String id() {
            return "base";
        }
    }

    static class Overrides extends Base {
        @Override
        String id() {
            return "sub";
        }
    }

    static class FieldInSuper {
        @TargetAggregateIdentifier
        protected String id = "field";
        @TargetAggregateVersion
        protected int version = 3;
    }

    static class Child extends FieldInSuper {
    }

    record Maybe(@TargetAggregateIdentifier Object id, @TargetAggregateVersion Integer version) {
    }

    record Throws(boolean inId) {
        @TargetAggregateIdentifier
        String id() {
            if (inId) {
                throw new IllegalStateException("id");
            }
            return "x";
        }

        @TargetAggregateVersion
        Long version() {
            throw new IllegalStateException("version");
        }
    }

    record NullIdThrowingVersion(@TargetAggregateIdentifier String id) {
        @TargetAggregateVersion
        Long version() {
            throw new IllegalStateException("version");
        }
    }

    @Test
    void answersAsAxonDoes() {
        for (Object command : List.of(new Overrides(), new Base(), new Child(), new Maybe("a", 1), new Maybe(null, 1),
                new Maybe(7L, null), new Maybe("b", 2), new Maybe(null, null), new Throws(true), new Throws(false),
                new NullIdThrowingVersion(null), new NullIdThrowingVersion("y"))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            Object expected = outcome(axons, message);
            assertThat(outcome(cached, message)).as("%s", command).isEqualTo(expected);
        }
    }

    private static Object outcome(CommandTargetResolver resolver, org.axonframework.commandhandling.CommandMessage<?> m) {
        Throwable failure = catchThrowable(() -> resolver.resolveTarget(m));
        if (failure == null) {
            return resolver.resolveTarget(m);
        }
        return List.of(failure.getClass(), Objects.toString(failure.getMessage()),
                failure.getCause() == null ? "" : failure.getCause().getClass());
    }
}
