package dev.orgservice.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Axon's {@link AnnotationCommandTargetResolver}, with the annotated members looked up once per command class. Axon's
 * walks every method and field of the command, and their annotations, on every command: 3.6% of the request threads'
 * CPU in the commands across tenants (docs/benchmark-log.md, thirty-fifth run). Same rules: the first method, else
 * the first field, carrying {@link TargetAggregateIdentifier} (and {@link TargetAggregateVersion}), in the order
 * Axon's {@link ReflectionUtils} lists them; a command without an identifier goes to Axon's resolver, for its message.
 */
final class CachedTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    private final ClassValue<Targets> targets = new ClassValue<>() {
        @Override
        protected Targets computeValue(Class<?> type) {
            return new Targets(annotated(type, TargetAggregateIdentifier.class),
                    annotated(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Targets members = targets.get(command.getPayloadType());
        Object identifier = members.identifier == null ? null : valueOf(members.identifier, payload);
        if (identifier == null) {
            return axons.resolveTarget(command);
        }
        return new VersionedAggregateIdentifier(identifier, asLong(members.version == null
                ? null : valueOf(members.version, payload)));
    }

    private record Targets(AccessibleObject identifier, AccessibleObject version) {
    }

    private static AccessibleObject annotated(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }

    private static Object valueOf(AccessibleObject member, Object payload) {
        try {
            return member instanceof Method method ? method.invoke(payload) : ((Field) member).get(payload);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate "
                    + "information form a command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of "
                    + "aggregate information from the given command.", e);
        }
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        try {
            return version instanceof Number number ? number.longValue() : Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }
}
